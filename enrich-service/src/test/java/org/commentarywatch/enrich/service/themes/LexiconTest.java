package org.commentarywatch.enrich.service.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LexiconTest {

    private static List<String> found(Lexicon lexicon, String text) {
        return lexicon.find(Lexicon.normalise(text)).stream().map(Lexicon.Hit::text).toList();
    }

    @Test
    void findsChineseTermsWhateverTheCodePointsOfTheirFirstTwoCharacters() {
        // 能 is U+80FD and 源 U+6E90; 天 U+5929: keys built from characters past U+8000 must be looked up too
        Lexicon lexicon = new Lexicon(List.of("能源", "天然气", "石油"));

        assertEquals(List.of("能源", "天然气"), found(lexicon, "两国在能源领域合作，俄罗斯对华天然气出口增长。"));
    }

    @Test
    void findsWholeWordsLeftmostLongestInAnyCaseUnlessWrittenInCapitals() {
        Lexicon lexicon = new Lexicon(List.of("sanction*", "no limits", "limits", "NATO", "ties .. closer"));

        assertEquals(List.of("Sanctions", "no limits", "NATO", "ties grew ever closer"),
                found(lexicon, "Sanctions bite; a partnership with no limits, NATO (not nato) watches, ties grew ever closer."));
    }

    @Test
    void onePreparedTextServesEveryLexiconWithTheSameHitsAsThePlainText() {
        String text = Lexicon.normalise("Gazprom signed; the pipeline to China opens. 天然气 flows, санкции bite.");
        Lexicon.Text prepared = Lexicon.Text.of(text);
        for (Lexicon lexicon : List.of(new Lexicon(List.of("pipeline*", "gazprom")), new Lexicon(List.of("天然气")),
                new Lexicon(List.of("санкци*", "China")))) {
            assertEquals(lexicon.find(text), lexicon.find(prepared));
        }
        assertEquals(List.of("санкции"), found(new Lexicon(List.of("санкци*")), text));
    }
}
