package org.commentarywatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.model.RawDocument;
import org.commentarywatch.enrich.service.DocumentCodec;
import org.commentarywatch.enrich.service.DocumentEnricher;
import org.commentarywatch.enrich.service.LanguageDetector;
import org.commentarywatch.enrich.service.ReadOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** enrichment.actors and enrichment.facts as the stage writes them satisfy enriched-document.schema.json. */
class ActorsAndFactsContractTest {

    /** Pieces written for this test, dense in actors and facts of every kind, in English, Russian and Chinese. */
    static final Map<String, String> DENSE = Map.of(
            "en", "On 4 February 2022 Xi Jinping and Vladimir Putin met in Beijing. “Our friendship has no limits "
                    + "whatsoever,” said Putin. Gazprom will ship 10 billion cubic metres a year through Power of "
                    + "Siberia, and trade rose 35% to $147 billion in 2021, according to customs. The US, NATO and the "
                    + "EU watched from Washington and Brussels; Crimea and Xinjiang were not mentioned.",
            "ru", "4 февраля 2022 года Си Цзиньпин и Владимир Путин встретились в Пекине. «Наша дружба не знает "
                    + "никаких границ вообще», — заявил Путин. «Газпром» поставит 10 млрд кубометров газа по "
                    + "«Силе Сибири», а товарооборот вырос на 35 процентов, до 147 млрд долларов, в 2021 году.",
            "zh", "2022年2月4日，习近平与普京在北京会晤。普京表示：“两国友谊没有止境，合作没有禁区。”"
                    + "俄罗斯天然气工业股份公司将通过西伯利亚力量管道每年输送100亿立方米天然气，2021年双边贸易增长35%，达到1470亿美元。");

    private static final DocumentCodec CODEC = new DocumentCodec(Fixtures.MAPPER);
    private static DocumentEnricher enricher;

    @BeforeAll
    static void create() {
        enricher = new DocumentEnricher(new LanguageDetector(), "enrich-service/test", Clock.systemUTC());
    }

    static Stream<String> languages() {
        return DENSE.keySet().stream().sorted();
    }

    private static JsonNode enrich(String text) throws Exception {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), "A dense piece", text);
        RawDocument document = ((ReadOutcome.Readable) CODEC.read(raw.toString())).document();
        String enriched = CODEC.writeEnriched(document, enricher.enrich(document.documentText()));
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, enriched);
        return Fixtures.MAPPER.readTree(enriched).get("enrichment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void actorsAndFactsOfEveryKindSatisfyTheSchema(String language) throws Exception {
        JsonNode enrichment = enrich(DENSE.get(language));

        Set<String> actors = new HashSet<>();
        enrichment.get("actors").forEach(a -> actors.add(a.get("id").asText()));
        assertTrue(actors.containsAll(Set.of("xi-jinping", "vladimir-putin", "china", "gazprom", "power-of-siberia")),
                actors.toString());
        Set<String> kinds = new HashSet<>();
        enrichment.get("facts").forEach(f -> kinds.add(f.get("kind").asText()));
        assertTrue(kinds.containsAll(Set.of("date", "quote", "quantity", "percent", "money", "year")), kinds.toString());
    }

    @Test
    void writesTheFieldsKibanaMapsAndFiltersOn() throws Exception {
        JsonNode enrichment = enrich(DENSE.get("en"));
        JsonNode china = null;
        for (JsonNode actor : enrichment.get("actors")) {
            if (actor.get("id").asText().equals("china")) {
                china = actor;
            }
        }
        assertEquals("state", china.get("type").asText());
        assertEquals("Q148", china.get("wikidata").asText());
        assertTrue(china.at("/location/lat").isNumber() && china.at("/location/lon").isNumber());
        assertTrue(china.get("offsets").get(0).isArray());
        JsonNode money = null;
        for (JsonNode fact : enrichment.get("facts")) {
            if (fact.get("kind").asText().equals("money")) {
                money = fact;
            }
        }
        assertEquals("USD", money.get("currency").asText());
        assertEquals(147e9, money.get("value").asDouble(), 1);
        assertTrue(money.get("end").asInt() > money.get("start").asInt());
    }

    @Test
    void aPieceWithoutActorsOrFactsHasEmptyListsAndStillSatisfiesTheSchema() throws Exception {
        JsonNode enrichment = enrich("Nothing in this sentence names anyone at all.");
        assertEquals(0, enrichment.get("actors").size());
        assertEquals(0, enrichment.get("facts").size());
    }
}
