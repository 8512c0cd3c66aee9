package org.commentarywatch.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordCounterTest {

    @Test
    void countsRunsOfLettersAndDigitsHeldTogetherByApostrophesHyphensAndDecimalPoints() {
        // Sino-Russian | trade | rose | 3.5 | to | 1,000 | bn | don't | panic
        assertEquals(9, WordCounter.count("Sino-Russian trade rose 3.5% to $1,000 bn; don't panic."));
    }

    @Test
    void countsDottedAbbreviationsAsOneWord() {
        assertEquals(4, WordCounter.count("The U.S. and China"));
    }

    @Test
    void countsCyrillicWordsAndIgnoresDashes() {
        assertEquals(7, WordCounter.count("Москва и Пекин — партнёры, но не союзники."));
    }

    @Test
    void countsEachChineseCharacter() {
        assertEquals(11, WordCounter.count("北京与莫斯科签署了协议。"));
    }

    @Test
    void countsEachKanaAndKanjiCharacterIncludingTheLongVowelMark() {
        // モ ス ク ワ は エ ネ ル ギ ー を 売 る
        assertEquals(13, WordCounter.count("モスクワはエネルギーを売る。"));
    }

    @Test
    void countsLatinWordsAndNumbersInsideChineseTextAsWords() {
        // 中 国 | GDP | 增 长 | 5
        assertEquals(6, WordCounter.count("中国GDP增长5%"));
    }

    @Test
    void countsKoreanBySpaces() {
        assertEquals(3, WordCounter.count("모스크바와 베이징은 협정했다."));
    }

    @Test
    void findsNoWordsInPunctuationAndWhiteSpace() {
        assertEquals(0, WordCounter.count(" -- ... ,,, — !? "));
    }
}
