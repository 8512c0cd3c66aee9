package org.commentarywatch.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;

import org.commentarywatch.enrich.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

class LanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void loadModel() {
        detector = new LanguageDetector();
    }

    static Stream<Arguments> pieces() {
        return Fixtures.PIECES.entrySet().stream().map(piece -> Arguments.of(piece.getKey(), piece.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pieces")
    void recognisesEachPipelineLanguageFromAFewSentencesWithClearConfidence(String language, String text) {
        LanguageGuess guess = detector.detect(text);

        assertEquals(language, guess.code());
        assertTrue(guess.confidence() >= 0.4, () -> language + " detected with confidence " + guess.confidence());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "Xi Jinping", "NATO summit", "中国", "12345 678", "!!!", "Putin visits Beijing"})
    void callsTooShortATextUndeterminedWithLowConfidence(String text) {
        LanguageGuess guess = detector.detect(text);

        assertEquals("und", guess.code());
        assertTrue(guess.confidence() < LanguageDetector.MIN_MARGIN, () -> "confidence " + guess.confidence());
    }

    @Test
    void callsAShortSentenceUndeterminedRatherThanGuessingARelatedLanguage() {
        // The model's best guess for this Russian sentence is Bulgarian, by a hair.
        LanguageGuess guess = detector.detect("Москва и Пекин подписали соглашение.");

        assertEquals("und", guess.code());
    }

    @Test
    void tellsJapaneseFromChineseByItsKana() {
        assertEquals("ja", detector.detect("モスクワは北京との協議を続けている。").code());
        assertEquals("zh", detector.detect("莫斯科继续与北京进行磋商。").code());
    }

    @Test
    void tellsKoreanByItsScript() {
        assertEquals("ko", detector.detect("모스크바와 베이징은 이번 주에 새로운 협정에 서명했다.").code());
    }

    @Test
    void readsTheLanguageOfTheProseNotOfAFewEmbeddedForeignNames() {
        String text = "Analysts in Beijing quoted the phrase 全面战略协作伙伴关系 several times, but the rest of the "
                + "briefing stayed in English and focused on trade volumes and pipeline capacity.";

        assertEquals("en", detector.detect(text).code());
    }

    @Test
    void mapsEveryLanguageOfTheModelToACodeTheContractAccepts() throws IOException {
        LanguageDetectorModel model;
        try (InputStream in = LanguageDetector.class.getResourceAsStream(LanguageDetector.MODEL_RESOURCE)) {
            model = new LanguageDetectorModel(in);
        }
        String[] languages = new LanguageDetectorME(model).getSupportedLanguages();

        assertTrue(languages.length > 100, () -> "model languages: " + Arrays.toString(languages));
        for (String language : languages) {
            String code = LanguageCodes.shortest(language);
            assertTrue(code.matches("^([a-z]{2,3}|und)$"), () -> language + " -> " + code);
        }
    }
}
