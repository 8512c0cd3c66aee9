package org.commentarywatch.enrich.service.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.commentarywatch.enrich.model.ActorMention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActorTaggerTest {

    /** The same (invented) summit reported in three languages, written for this test. */
    static final Map<String, String> SUMMIT = Map.of(
            "en", "Vladimir Putin and Xi Jinping met in Astana on the sidelines of the SCO summit. The Kremlin said the "
                    + "two leaders discussed Power of Siberia 2, the pipeline that would carry gas across Mongolia to "
                    + "China. Beijing has not agreed on a price. Sergey Lavrov told reporters that sanctions imposed by "
                    + "the United States and the European Union had not slowed trade between Russia and China.",
            "ru", "Владимир Путин и Си Цзиньпин встретились в Астане на полях саммита ШОС. В Кремле сообщили, что "
                    + "лидеры обсудили «Силу Сибири 2» — газопровод, который должен пройти через Монголию в Китай. "
                    + "Пекин пока не согласился с ценой. Сергей Лавров заявил журналистам, что санкции США и Евросоюза "
                    + "не замедлили торговлю между Россией и Китаем.",
            "zh", "普京和习近平在阿斯塔纳出席上合组织峰会期间举行会晤。克里姆林宫表示，两国领导人讨论了“西伯利亚力量2号”天然气管道，"
                    + "该管道将经蒙古国向中国输送天然气。北京尚未就价格达成一致。拉夫罗夫对记者说，美国和欧盟的制裁并没有减缓俄罗斯与中国之间的贸易。");

    private static ActorTagger tagger;

    @BeforeAll
    static void create() {
        tagger = new ActorTagger(KnowledgeBase.load());
    }

    private static Set<String> ids(String text) {
        return tagger.tag(text).stream().map(ActorMention::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static ActorMention actor(String text, String id) {
        return tagger.tag(text).stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void tagsAnEnglishARussianAndAChinesePieceOnTheSameSummitWithTheSameActors() {
        Set<String> expected = new TreeSet<>(Set.of("vladimir-putin", "xi-jinping", "kazakhstan", "sco", "russia",
                "china", "power-of-siberia-2", "mongolia", "sergey-lavrov", "united-states", "european-union"));
        assertEquals(expected, ids(SUMMIT.get("en")));
        assertEquals(expected, ids(SUMMIT.get("ru")));
        assertEquals(expected, ids(SUMMIT.get("zh")));
    }

    @Test
    void countsMentionsAndSortsTheMostMentionedFirst() {
        List<ActorMention> actors = tagger.tag(SUMMIT.get("en"));
        // China: "China" twice, "Beijing" once; Russia: "Kremlin", "Russia"
        assertEquals("china", actors.get(0).id());
        assertEquals(3, actors.get(0).mentions());
        assertEquals(2, actor(SUMMIT.get("en"), "russia").mentions());
    }

    @Test
    void theLongestAliasWins() {
        String text = "Gazprom wants Power of Siberia 2 built; Power of Siberia already runs. 俄罗斯和俄方。";
        assertEquals(Set.of("gazprom", "power-of-siberia-2", "power-of-siberia", "russia"), ids(text));
        assertEquals(2, actor(text, "russia").mentions()); // 俄罗斯 once, not 俄罗斯 + 俄
        assertFalse(ids("Power of Siberia 2").contains("siberia"));
    }

    @Test
    void acronymsMatchOnlyInCapitalsSoThePronounUsIsNotTheUnitedStates() {
        assertEquals(Set.of(), ids("Let us hope that none of us forgets. The eu of Latin is not a bloc."));
        assertEquals(Set.of("united-states", "european-union"), ids("Let us see whether the US and the EU agree."));
        assertEquals(Set.of("united-states"), ids("U.S. officials spoke."));
    }

    @Test
    void namesWithACapitalNeedACapital() {
        assertEquals(Set.of(), ids("We ate turkey and drank china tea."));
        assertEquals(Set.of("turkey", "china"), ids("Turkey and China signed."));
    }

    @Test
    void matchesWholeWordsInLatinScript() {
        assertEquals(Set.of(), ids("Xi'an is a city; Chinatown is a district; the Irani family lives here."));
        assertEquals(Set.of("xi-jinping"), ids("Xi's visit was short."));
        assertEquals(Set.of("russia", "ukraine"), ids("the Russia-Ukraine war"));
    }

    @Test
    void prefixAliasesTagSinoAndRussoCompounds() {
        assertEquals(Set.of("china", "russia"), ids("Sino-Russian relations"));
        assertEquals(Set.of("russia", "ukraine"), ids("the Russo-Ukrainian war"));
    }

    @Test
    void handlesRussianInflectionThroughStemAliases() {
        String text = "Россия, России, Россией и о российско-китайских отношениях; Путина, Путиным; с Китаем, в Кремле.";
        assertEquals(Set.of("russia", "china", "vladimir-putin"), ids(text));
        assertEquals(5, actor(text, "russia").mentions());
        assertEquals(2, actor(text, "china").mentions());
        assertEquals(2, actor(text, "vladimir-putin").mentions());
        assertEquals(Set.of("european-union"), ids("решение Европейского союза"));
        assertEquals(Set.of("united-states"), ids("Об этом сообщили в Белом доме."));
        assertEquals(Set.of("russia"), ids("Ёлки в России")); // ё and е are the same letter to the tagger
    }

    @Test
    void chineseAliasesNeedNoWordBoundariesAndContractionsNameBothActors() {
        assertEquals(Set.of("china", "russia"), ids("中俄关系"));
        assertEquals(Set.of("china", "united-states"), ids("中美贸易战"));
        assertEquals(Set.of("xi-jinping", "vladimir-putin"), ids("习近平会见普京"));
    }

    @Test
    void reportsOffsetsIntoTheTextAndTheKnowledgeBaseFacts() {
        String text = "Experts in Vladivostok watched Xinjiang and the Kremlin.";
        ActorMention place = actor(text, "vladivostok");
        assertEquals("place", place.type());
        assertEquals("russia", place.country());
        assertEquals(1, place.offsets().size());
        int[] at = place.offsets().get(0);
        assertEquals("Vladivostok", text.substring(at[0], at[1]));
        assertTrue(place.location().lat() > 43 && place.location().lon() > 131);
        ActorMention russia = actor(text, "russia");
        assertEquals("Q159", russia.wikidata());
        assertEquals("Kremlin", text.substring(russia.offsets().get(0)[0], russia.offsets().get(0)[1]));
        assertNull(actor(text, "xinjiang").wikidata(), "an unverified Wikidata id is not published");
    }

    @Test
    void keepsAtMostTwentyOffsetsButCountsEveryMention() {
        String text = "China. ".repeat(50);
        ActorMention china = actor(text, "china");
        assertEquals(50, china.mentions());
        assertEquals(ActorMention.MAX_OFFSETS, china.offsets().size());
    }

    @Test
    void readsOnlyTheBeginningOfAnOverlongText() {
        ActorTagger small = new ActorTagger(KnowledgeBase.load(), 100);
        String text = "x ".repeat(60) + "Russia";
        assertTrue(small.truncates(text));
        assertEquals(List.of(), small.tag(text));
    }

    @Test
    void tagsChinaAndRussiaInGermanFrenchSpanishUkrainianAndJapanese() {
        Set<String> both = Set.of("china", "russia");
        assertTrue(ids("Der chinesische Außenminister reiste nach Moskau.").containsAll(both));
        assertTrue(ids("Pékin et la diplomatie russe restent prudents.").containsAll(both));
        assertTrue(ids("El gobierno ruso firmó un acuerdo con Pekín.").containsAll(both));
        assertTrue(ids("Делегація Росії прибула до Пекіна.").containsAll(both));
        assertTrue(ids("ロシアと中国の首脳が会談した。").containsAll(both));
        assertEquals(Set.of("ukraine", "volodymyr-zelensky"), ids("Президент України Володимир Зеленський виступив у Києві."));
    }

    @Test
    void tagsTheSovietUnionWithoutSwallowingChinaInSinoSoviet() {
        assertEquals(Set.of("china", "soviet-union"), ids("The Sino-Soviet split came a decade after 1949."));
        assertEquals(Set.of("china", "soviet-union"), ids("中苏关系在六十年代破裂。"));
        assertEquals(Set.of("soviet-union"), ids("Переговоры с СССР шли годами."));
    }

    @Test
    void russianStemAliasesTagInflectedForms() {
        ActorMention zelensky = actor("Зеленского и Зеленскому", "volodymyr-zelensky");
        assertEquals(2, zelensky.mentions());
    }
}
