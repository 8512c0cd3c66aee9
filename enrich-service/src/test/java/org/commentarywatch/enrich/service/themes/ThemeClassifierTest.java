package org.commentarywatch.enrich.service.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commentarywatch.enrich.model.ThemeScore;
import org.commentarywatch.enrich.service.WordCounter;
import org.junit.jupiter.api.Test;

class ThemeClassifierTest {

    private static final ThemeClassifier CLASSIFIER = ThemeClassifier.load();

    private static List<String> labels(String title, String text) {
        return CLASSIFIER.classify(title, text, WordCounter.count(text), Optional.empty()).reported().stream()
                .map(ThemeScore::label).toList();
    }

    @Test
    void loadsAllFourteenThemesFromTheResource() {
        assertEquals(14, CLASSIFIER.themes().size());
    }

    @Test
    void findsThemesFromEnglishRussianAndChineseTerms() {
        assertTrue(labels("", "The new pipeline will carry natural gas and oil from Siberia; Gazprom signed the "
                + "contract.").contains("energy"));
        assertTrue(labels("", "Россия и Китай провели совместные военные учения, бомбардировщики и флот двух стран "
                + "патрулировали море.").contains("military"));
        assertTrue(labels("", "两国双边贸易额增长，人民币结算比例上升，海关数据显示出口和进口均创新高。")
                .contains("trade_finance"));
    }

    @Test
    void aWordInPassingDoesNotMakeATheme() {
        List<String> themes = labels("Harvest festival", "The village held its harvest festival on Sunday. Farmers "
                + "showed their best pumpkins, children ran races, and a brass band played until dark. Someone "
                + "mentioned that the tractor's fuel had become expensive, and everyone went home happy.");
        assertTrue(themes.isEmpty(), themes.toString());
    }

    @Test
    void scoresStayWithinZeroAndOneAndNameTheirEvidence() {
        ThemeClassifier.Result result = CLASSIFIER.classify("Sanctions and the yuan", "Sanctions, sanctions and "
                + "more sanctions: export controls and frozen reserves pushed Moscow to settle trade in yuan.", 18,
                Optional.empty());
        for (Map.Entry<String, Double> score : result.allScores().entrySet()) {
            assertTrue(score.getValue() >= 0 && score.getValue() <= 1, score.toString());
        }
        ThemeScore sanctions = result.reported().stream().filter(t -> t.label().equals("sanctions_economy"))
                .findFirst().orElseThrow();
        assertTrue(sanctions.evidence().contains("sanctions"), sanctions.toString());
    }

    @Test
    void termsMatchWholeWordsAndCapitalsWhereWrittenSo() {
        Lexicon lexicon = new Lexicon(List.of("US", "gas", "санкци*", "制裁"));
        assertEquals(List.of("US"), lexicon.find("let us go to the US").stream().map(Lexicon.Hit::text).toList());
        assertTrue(lexicon.find("Las Vegas gastronomy").isEmpty());
        assertEquals(List.of("санкциями", "制裁"), lexicon.find("под санкциями; 对俄制裁").stream()
                .map(Lexicon.Hit::text).toList());
    }
}
