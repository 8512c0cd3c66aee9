package org.commentarywatch.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> english(String text) {
        return SentenceSplitter.split(text, Locale.ENGLISH);
    }

    @Test
    void doesNotEndASentenceAtATitleBeforeAName() {
        assertEquals(List.of("Mr. Lavrov met Dr. Wang and Prof. Ivanova on Monday.", "They spoke for an hour."),
                english("Mr. Lavrov met Dr. Wang and Prof. Ivanova on Monday. They spoke for an hour."));
    }

    @Test
    void doesNotEndASentenceAtInitials() {
        assertEquals(List.of("J. R. Miller wrote the report.", "It was widely read."),
                english("J. R. Miller wrote the report. It was widely read."));
        assertEquals(List.of("В. В. Путин прибыл в г. Пекин.", "Переговоры начались."),
                SentenceSplitter.split("В. В. Путин прибыл в г. Пекин. Переговоры начались.", Locale.forLanguageTag("ru")));
    }

    @Test
    void keepsLatinAbbreviationsInsideTheSentence() {
        assertEquals(List.of("Several buyers, e.g. India and Turkey, took more oil.", "Prices fell."),
                english("Several buyers, e.g. India and Turkey, took more oil. Prices fell."));
        assertEquals(List.of("Einige Käufer, z.B. Indien, nahmen mehr Öl ab.", "Dann kam Dr. Müller."),
                SentenceSplitter.split("Einige Käufer, z.B. Indien, nahmen mehr Öl ab. Dann kam Dr. Müller.", Locale.GERMAN));
    }

    @Test
    void endsASentenceAfterUsOnlyWhenANewSentenceVisiblyStarts() {
        assertEquals(List.of("The U.S. Navy sailed through the strait.", "Beijing protested."),
                english("The U.S. Navy sailed through the strait. Beijing protested."));
        assertEquals(List.of("Gas now flows to the U.S.", "The next cargo goes to China."),
                english("Gas now flows to the U.S. The next cargo goes to China."));
    }

    @Test
    void keepsAQuotedQuestionTogetherWithTheWordsThatIntroduceOrFollowIt() {
        assertEquals(List.of("\"Is this an alliance?\" he asked.", "Nobody answered."),
                english("\"Is this an alliance?\" he asked. Nobody answered."));
        assertEquals(List.of("She said: \"The talks went well.\"", "Then she left."),
                english("She said: \"The talks went well.\" Then she left."));
        assertEquals(List.of("Он сказал: «Мы не уступим».", "Потом ушёл."),
                SentenceSplitter.split("Он сказал: «Мы не уступим». Потом ушёл.", Locale.forLanguageTag("ru")));
    }

    @Test
    void keepsDecimalsDatesAndTrailingEllipsesInsideTheSentence() {
        assertEquals(List.of("Trade grew 3.5 percent in Sept. 2023.", "Then... it fell."),
                english("Trade grew 3.5 percent in Sept. 2023. Then... it fell."));
    }

    @Test
    void splitsChineseAtFullWidthStopsWithOrWithoutASpace() {
        assertEquals(List.of("莫斯科和北京签署了协议。", "分析人士看法不一！", "这是同盟吗？"),
                SentenceSplitter.split("莫斯科和北京签署了协议。分析人士看法不一！这是同盟吗？", Locale.CHINESE));
        assertEquals(List.of("第一句．", "第二句。"), SentenceSplitter.split("第一句．第二句。", Locale.CHINESE));
    }

    @Test
    void keepsAJapaneseQuotationWithTheVerbThatReportsIt() {
        assertEquals(List.of("「これは同盟ではない！」と外相は述べた。", "会談は続く。"),
                SentenceSplitter.split("「これは同盟ではない！」と外相は述べた。会談は続く。", Locale.JAPANESE));
    }

    @Test
    void endsAParagraphWithoutAFullStopAtTheBlankLine() {
        assertEquals(List.of("A heading without a stop", "The body starts here.", "It goes on."),
                english("A heading without a stop\n\nThe body starts here. It goes on."));
    }

    @Test
    void findsNoSentenceInPunctuationOrWhiteSpace() {
        assertEquals(List.of(), english("  ... !!! \n\n -- "));
        assertEquals(List.of(), english(""));
    }
}
