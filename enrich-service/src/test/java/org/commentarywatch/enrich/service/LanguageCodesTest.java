package org.commentarywatch.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "eng, en", "rus, ru", "cmn, zh", "deu, de", "fra, fr", "spa, es", "jpn, ja", "ukr, uk", "kor, ko",
            "pol, pl", "ita, it", "por, pt", "tur, tr", "ara, ar", "pes, fa", "hin, hi", "vie, vi", "kaz, kk",
            "bel, be", "heb, he", "ind, id", "nob, nb", "lvs, lv", "ekk, et", "plt, mg"})
    void reportsTheTwoLetterCodeWhereOneExists(String threeLetter, String twoLetter) {
        assertEquals(twoLetter, LanguageCodes.shortest(threeLetter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ast", "ceb", "war", "nds", "gsw", "nan", "min", "pnb"})
    void keepsTheThreeLetterCodeWhereThereIsNoTwoLetterOne(String threeLetter) {
        assertEquals(threeLetter, LanguageCodes.shortest(threeLetter));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"en, en", "EN, en", "en-GB, en", "eng, en", "zh-Hans-CN, zh", "zh_Hant, zh", " uk , uk", "rus, ru"})
    void normalisesACallersLanguageTagToTheContractCode(String tag, String code) {
        assertEquals(Optional.of(code), LanguageCodes.normalize(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!", "english", "und", "12"})
    void refusesATagThatNamesNoLanguage(String tag) {
        assertEquals(Optional.empty(), LanguageCodes.normalize(tag));
    }
}
