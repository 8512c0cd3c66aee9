package org.commentarywatch.enrich;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Short pieces written for these tests (not taken from the reference corpus), and raw documents around them. */
public final class Fixtures {

    /** The same three sentences in each of the pipeline's main languages, keyed by ISO 639-1 code. */
    public static final Map<String, String> PIECES = Map.of(
            "en", "Moscow and Beijing agreed this week to widen their cooperation on gas through a second pipeline. "
                    + "Officials on both sides praised the deal, yet neither government called the relationship an "
                    + "alliance. Observers in Washington read the announcement as a signal rather than a commitment.",
            "ru", "На этой неделе Москва и Пекин договорились расширить сотрудничество в поставках газа по второму "
                    + "трубопроводу. Официальные лица обеих стран хвалят сделку, но ни одно правительство не называет "
                    + "отношения союзом. Наблюдатели в Вашингтоне считают заявление скорее сигналом, чем обязательством.",
            "zh", "本周，莫斯科和北京同意通过第二条管道扩大天然气合作。双方官员都称赞这项协议，但两国政府都没有把这种关系称为同盟。"
                    + "华盛顿的观察人士认为，这一声明更像是一种信号，而不是承诺。",
            "de", "Moskau und Peking haben sich in dieser Woche darauf verständigt, ihre Zusammenarbeit bei "
                    + "Gaslieferungen über eine zweite Pipeline auszubauen. Vertreter beider Seiten lobten die "
                    + "Vereinbarung, doch keine der beiden Regierungen spricht von einem Bündnis. Beobachter in "
                    + "Washington deuten die Ankündigung eher als Signal denn als Verpflichtung.",
            "fr", "Moscou et Pékin ont convenu cette semaine d'étendre leur coopération gazière grâce à un second "
                    + "gazoduc. Les responsables des deux pays ont salué l'accord, mais aucun des deux gouvernements ne "
                    + "parle d'alliance. À Washington, les observateurs y voient davantage un signal qu'un véritable "
                    + "engagement.",
            "es", "Moscú y Pekín acordaron esta semana ampliar su cooperación en el suministro de gas mediante un "
                    + "segundo gasoducto. Los funcionarios de ambos países elogiaron el acuerdo, pero ninguno de los dos "
                    + "gobiernos habla de una alianza. Los observadores en Washington interpretan el anuncio más como "
                    + "una señal que como un compromiso.",
            "ja", "今週、モスクワと北京は二本目のパイプラインを通じてガス協力を拡大することで合意した。"
                    + "両国の当局者はこの合意を歓迎したが、どちらの政府もこの関係を同盟とは呼んでいない。"
                    + "ワシントンの専門家は、この発表を約束というよりも合図として受け止めている。",
            "uk", "Цього тижня Москва і Пекін домовилися розширити співпрацю в постачанні газу через другий "
                    + "трубопровід. Посадовці обох країн схвалили угоду, проте жоден уряд не називає ці відносини "
                    + "союзом. Спостерігачі у Вашингтоні вважають цю заяву радше сигналом, ніж зобов'язанням.");

    /** A mapper configured like none in particular: the service's JSON must not depend on Quarkus' settings. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private Fixtures() {
    }

    /** A fresh 32-hex-digit id, as ingest-service makes them. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A raw document per raw-document.schema.json, with properties this service does not know (a future
     * ingest field, nested labels, numbers) that must come out unchanged.
     */
    public static ObjectNode rawDocument(String id, String title, String text) {
        ObjectNode document = MAPPER.createObjectNode()
                .put("schema_version", 1)
                .put("id", id)
                .put("title", title)
                .put("text", text)
                .put("url", "https://example.org/pieces/" + id)
                .put("published", "2026-11-20")
                .put("source", "example.org")
                .put("reference", false)
                .put("content_type", "text/html")
                .put("ingested_at", "2026-11-23T09:15:00Z");
        document.putArray("authors").add("A. Writer");
        ObjectNode labels = document.putObject("labels");
        labels.put("stance", "neutral");
        labels.putArray("themes").add("energy");
        document.putObject("future_ingest_field").put("fetched_bytes", 12345).put("ratio", 1.50);
        return document;
    }
}
