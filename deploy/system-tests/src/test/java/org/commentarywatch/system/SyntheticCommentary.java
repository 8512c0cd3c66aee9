package org.commentarywatch.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Synthetic commentary on the Russia–China question for the benchmark: pieces of 300–2,000 words in English,
 * Russian, Chinese, German and French, built from phrase pools written for this generator (deterministic for a
 * seed), with exact duplicates (the same submission again) and near-duplicates (an earlier piece with a few
 * sentences rewritten and a new title) mixed in.
 */
final class SyntheticCommentary {

    enum Kind { ORIGINAL, EXACT_DUPLICATE, NEAR_DUPLICATE }

    /** One submission; {@code ruleToken} is the word in its text that one benchmark rule matches, if any. */
    record Piece(String title, String text, String language, int words, Kind kind, Optional<String> ruleToken) {
    }

    private record Language(String code, List<String> subjects, List<String> verbs, List<String> objects,
                            List<String> adverbials, String claimFrame, List<String> claims, String titleFrame,
                            boolean adverbialFirst, boolean spaced) {
    }

    private static final Language EN = new Language("en",
            List.of("Moscow", "Beijing", "The Kremlin", "Chinese diplomats", "Russian energy firms", "Analysts in Washington",
                    "The foreign ministry in Moscow", "Observers in Central Asia", "European negotiators",
                    "State media in both capitals", "Defence planners", "Trade officials in Harbin"),
            List.of("signed", "postponed", "welcomed", "questioned", "expanded", "played down", "announced", "criticised",
                    "renegotiated", "quietly backed"),
            List.of("a new gas supply deal", "joint naval exercises in the Pacific",
                    "the pricing terms of the Power of Siberia 2 pipeline", "a payment channel settled in yuan",
                    "arms sales to third countries", "grain shipments across the Amur", "a framework for Arctic shipping",
                    "the sanctions regime", "technology transfer in civil aviation", "investment in Far Eastern ports"),
            List.of("on Tuesday", "after months of talks", "despite Western pressure",
                    "according to people familiar with the talks", "in a carefully worded statement", "ahead of the summit",
                    "for the first time since 2019", "without giving details"),
            "%s argue that the partnership %s.",
            List.of("is turning into a real alliance", "remains a marriage of convenience",
                    "depends on how long the sanctions last", "hides a growing imbalance of power",
                    "would not survive a change of leadership in Moscow"),
            "%s: what the %s deal says about Moscow and Beijing", false, true);

    private static final Language RU = new Language("ru",
            List.of("Власти в Москве", "Власти в Пекине", "Китайские дипломаты", "Российские энергетические компании",
                    "Эксперты в Вашингтоне", "Официальные представители обеих стран", "Наблюдатели в Центральной Азии",
                    "Европейские переговорщики", "Государственные СМИ", "Военные планировщики"),
            List.of("подписали", "отложили", "приветствовали", "поставили под сомнение", "расширили", "обсудили",
                    "объявили", "раскритиковали", "пересмотрели", "тихо поддержали"),
            List.of("новое соглашение о поставках газа", "совместные военно-морские учения",
                    "ценовые условия газопровода «Сила Сибири — 2»", "платёжный канал в юанях", "поставки зерна через Амур",
                    "рамочное соглашение о судоходстве в Арктике", "режим санкций", "передачу технологий в авиации",
                    "инвестиции в дальневосточные порты"),
            List.of("во вторник", "после нескольких месяцев переговоров", "несмотря на давление Запада",
                    "по словам источников, знакомых с ходом переговоров", "в тщательно сформулированном заявлении",
                    "накануне саммита", "впервые с 2019 года", "не раскрывая подробностей"),
            "%s считают, что партнёрство %s.",
            List.of("превращается в настоящий союз", "остаётся браком по расчёту", "зависит от продолжительности санкций",
                    "скрывает растущий дисбаланс сил", "не переживёт смены руководства в Москве"),
            "%s: что говорит соглашение о теме «%s» о Москве и Пекине", false, true);

    private static final Language ZH = new Language("zh",
            List.of("莫斯科", "北京", "克里姆林宫", "中国外交官", "俄罗斯能源企业", "华盛顿的分析人士", "外交部", "中亚观察人士",
                    "欧洲谈判代表", "两国官方媒体"),
            List.of("签署了", "推迟了", "欢迎", "质疑", "扩大了", "淡化了", "宣布了", "批评了", "重新谈判了", "悄悄支持了"),
            List.of("新的天然气供应协议", "太平洋联合海上演习", "西伯利亚力量二号管道的定价条款", "以人民币结算的支付渠道",
                    "跨越黑龙江的粮食运输", "北极航运框架", "制裁制度", "民航技术转让", "对远东港口的投资"),
            List.of("周二", "经过数月谈判后", "尽管面临西方压力", "据知情人士透露", "在一份措辞谨慎的声明中", "在峰会前夕",
                    "自2019年以来首次", "在未透露细节的情况下"),
            "%s认为，这一伙伴关系%s。",
            List.of("正在演变为真正的同盟", "仍然是权宜之计", "取决于制裁持续多久", "掩盖了日益加剧的力量失衡",
                    "无法经受莫斯科领导层更替的考验"),
            "%s：%s协议对莫斯科与北京关系意味着什么", true, false);

    private static final Language DE = new Language("de",
            List.of("Diplomaten in Peking", "Beamte in Moskau", "Russische Energiekonzerne", "Analysten in Washington",
                    "Beobachter in Zentralasien", "Europäische Unterhändler", "Staatsmedien beider Länder", "Militärplaner"),
            List.of("unterzeichnen", "verschieben", "begrüßen", "bezweifeln", "erweitern", "kritisieren", "unterstützen leise",
                    "prüfen"),
            List.of("ein neues Abkommen über Gaslieferungen", "gemeinsame Marinemanöver im Pazifik",
                    "die Preisbedingungen der Pipeline Power of Siberia 2", "einen Zahlungskanal in Yuan",
                    "Getreidelieferungen über den Amur", "einen Rahmen für die Schifffahrt in der Arktis", "das Sanktionsregime",
                    "den Technologietransfer in der Luftfahrt", "Investitionen in Häfen im Fernen Osten"),
            List.of("am Dienstag", "nach monatelangen Gesprächen", "trotz westlichen Drucks", "nach Angaben aus Verhandlungskreisen",
                    "in einer vorsichtig formulierten Erklärung", "vor dem Gipfel", "zum ersten Mal seit 2019",
                    "ohne Einzelheiten zu nennen"),
            "%s meinen, dass die Partnerschaft %s.",
            List.of("zu einem echten Bündnis wird", "eine Vernunftehe bleibt", "von der Dauer der Sanktionen abhängt",
                    "ein wachsendes Machtgefälle verdeckt", "einen Führungswechsel in Moskau nicht überstehen würde"),
            "%s: Was das Abkommen über %s über Moskau und Peking sagt", false, true);

    private static final Language FR = new Language("fr",
            List.of("Les diplomates chinois", "Les responsables à Moscou", "Les groupes énergétiques russes",
                    "Les analystes à Washington", "Les observateurs en Asie centrale", "Les négociateurs européens",
                    "Les médias d'État des deux pays", "Les planificateurs militaires"),
            List.of("ont signé", "ont reporté", "ont salué", "ont mis en doute", "ont élargi", "ont minimisé", "ont annoncé",
                    "ont critiqué", "ont renégocié", "ont discrètement soutenu"),
            List.of("un nouvel accord de livraison de gaz", "des exercices navals conjoints dans le Pacifique",
                    "les conditions tarifaires du gazoduc Force de Sibérie 2", "un canal de paiement en yuans",
                    "les livraisons de céréales sur l'Amour", "un cadre pour la navigation dans l'Arctique",
                    "le régime de sanctions", "le transfert de technologies aéronautiques",
                    "des investissements dans les ports de l'Extrême-Orient"),
            List.of("mardi", "après des mois de négociations", "malgré la pression occidentale",
                    "selon des sources proches des discussions", "dans une déclaration soigneusement formulée",
                    "à la veille du sommet", "pour la première fois depuis 2019", "sans donner de détails"),
            "%s estiment que le partenariat %s.",
            List.of("devient une véritable alliance", "reste un mariage de raison", "dépend de la durée des sanctions",
                    "masque un déséquilibre de puissance croissant", "ne survivrait pas à un changement de direction à Moscou"),
            "%s : ce que l'accord sur %s dit de Moscou et de Pékin", false, true);

    /** Half English, the rest spread over the other four languages. */
    private static final List<Language> MIX = List.of(EN, EN, EN, EN, EN, RU, RU, ZH, ZH, DE, FR);
    private static final Map<String, List<String>> COMMENTATORS = Map.of(
            "en", List.of("Some commentators", "Former ambassadors", "Sceptics in Brussels", "Researchers in Singapore"),
            "ru", List.of("Некоторые комментаторы", "Бывшие послы", "Скептики в Брюсселе", "Исследователи в Сингапуре"),
            "zh", List.of("一些评论人士", "前任大使们", "布鲁塞尔的怀疑者", "新加坡的研究人员"),
            "de", List.of("Einige Kommentatoren", "Frühere Botschafter", "Skeptiker in Brüssel", "Forscher in Singapur"),
            "fr", List.of("Certains commentateurs", "D'anciens ambassadeurs", "Les sceptiques à Bruxelles",
                    "Des chercheurs à Singapour"));

    private static final double EXACT_DUPLICATE_SHARE = 0.05;
    private static final double NEAR_DUPLICATE_SHARE = 0.08;

    private SyntheticCommentary() {
    }

    /**
     * {@code count} submissions; {@code tokens} gives, for the n-th original or near-duplicate, the rule word to
     * put in it. {@code label} goes into every title, so that two phases never produce the same piece.
     */
    static List<Piece> generate(int count, long seed, String label, IntFunction<Optional<String>> tokens) {
        Random random = new Random(seed);
        List<Piece> pieces = new ArrayList<>(count);
        List<Piece> originals = new ArrayList<>();
        int fresh = 0;
        while (pieces.size() < count) {
            double roll = random.nextDouble();
            if (!originals.isEmpty() && roll < EXACT_DUPLICATE_SHARE) {
                Piece again = originals.get(random.nextInt(originals.size()));
                pieces.add(new Piece(again.title(), again.text(), again.language(), again.words(), Kind.EXACT_DUPLICATE,
                        again.ruleToken()));
            } else if (!originals.isEmpty() && roll < EXACT_DUPLICATE_SHARE + NEAR_DUPLICATE_SHARE) {
                pieces.add(nearDuplicate(originals.get(random.nextInt(originals.size())), random, tokens.apply(fresh++)));
            } else {
                Piece piece = original(MIX.get(random.nextInt(MIX.size())), random, label + " " + pieces.size(),
                        tokens.apply(fresh++));
                originals.add(piece);
                pieces.add(piece);
            }
        }
        return pieces;
    }

    private static Piece original(Language language, Random random, String label, Optional<String> token) {
        int target = 300 + random.nextInt(1701);
        List<String> sentences = new ArrayList<>();
        int words = 0;
        while (words < target) {
            String sentence = sentence(language, random);
            sentences.add(sentence);
            words += words(language, sentence);
        }
        token.ifPresent(t -> sentences.add(random.nextInt(sentences.size()), tokenSentence(language, t)));
        String title = String.format(language.titleFrame(), label, pick(language.objects(), random));
        return new Piece(title, paragraphs(language, sentences, random), language.code(), words, Kind.ORIGINAL, token);
    }

    /** The same piece with about one sentence in twelve rewritten, under a new title: another document, nearly the same text. */
    private static Piece nearDuplicate(Piece original, Random random, Optional<String> token) {
        Language language = List.of(EN, RU, ZH, DE, FR).stream().filter(l -> l.code().equals(original.language()))
                .findFirst().orElseThrow();
        String separator = language.spaced() ? " " : "";
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : original.text().split("\n\n")) {
            List<String> sentences = new ArrayList<>(List.of(paragraph.split("(?<=[.。])" + (language.spaced() ? " " : ""))));
            for (int i = 0; i < sentences.size(); i++) {
                if (random.nextInt(12) == 0) {
                    sentences.set(i, sentence(language, random));
                }
            }
            paragraphs.add(String.join(separator, sentences));
        }
        String text = String.join("\n\n", paragraphs);
        String plain = original.ruleToken().map(t -> text.replace(tokenSentence(language, t), "")).orElse(text);
        String withToken = token.map(t -> tokenSentence(language, t) + separator + plain).orElse(plain);
        return new Piece(original.title() + " (updated)", withToken, original.language(), original.words(),
                Kind.NEAR_DUPLICATE, token);
    }

    private static String sentence(Language language, Random random) {
        if (random.nextInt(5) == 0) {
            return String.format(language.claimFrame(), pick(COMMENTATORS.get(language.code()), random),
                    pick(language.claims(), random));
        }
        String subject = pick(language.subjects(), random);
        String verb = pick(language.verbs(), random);
        String object = pick(language.objects(), random);
        String adverbial = pick(language.adverbials(), random);
        if (language.adverbialFirst()) {
            return adverbial + "，" + subject + verb + object + "。";
        }
        return subject + " " + verb + " " + object + " " + adverbial + ".";
    }

    /** The rule word in a sentence of the piece's language (the word itself is ASCII in every language). */
    private static String tokenSentence(Language language, String token) {
        return switch (language.code()) {
            case "ru" -> "В заметках к брифингу встречалось кодовое слово " + token + ".";
            case "zh" -> "简报笔记中出现了代号 " + token + " 。";
            case "de" -> "In den Notizen zum Briefing stand das Codewort " + token + ".";
            case "fr" -> "Le mot de code " + token + " figurait dans les notes du briefing.";
            default -> "The code word " + token + " appeared in the briefing notes.";
        };
    }

    private static String paragraphs(Language language, List<String> sentences, Random random) {
        StringBuilder text = new StringBuilder();
        int inParagraph = 0;
        int length = 4 + random.nextInt(5);
        for (String sentence : sentences) {
            if (inParagraph == length) {
                text.append("\n\n");
                inParagraph = 0;
                length = 4 + random.nextInt(5);
            } else if (inParagraph > 0 && language.spaced()) {
                text.append(' ');
            }
            text.append(sentence);
            inParagraph++;
        }
        return text.toString();
    }

    /** Words as a reader counts them; Chinese has no spaces: two characters make about one word. */
    private static int words(Language language, String sentence) {
        return language.spaced() ? sentence.split("\\s+").length : Math.max(1, sentence.length() / 2);
    }

    private static String pick(List<String> pool, Random random) {
        return pool.get(random.nextInt(pool.size()));
    }
}
