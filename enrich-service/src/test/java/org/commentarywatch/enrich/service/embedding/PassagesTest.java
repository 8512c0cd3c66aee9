package org.commentarywatch.enrich.service.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.commentarywatch.enrich.service.SentenceSplitter;
import org.junit.jupiter.api.Test;

class PassagesTest {

    /** One token per space-separated word: easy to count by eye. */
    private static final WordPieces WORDS = new WordPieces() {
        @Override
        public int count(String text) {
            String stripped = text.strip();
            return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
        }

        @Override
        public List<String> cut(String text, int maxTokens) {
            List<String> words = Arrays.asList(text.strip().split("\\s+"));
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < words.size(); i += maxTokens) {
                pieces.add(String.join(" ", words.subList(i, Math.min(words.size(), i + maxTokens))));
            }
            return pieces;
        }
    };

    private static String sentence(int words) {
        return "w ".repeat(words - 1) + "end.";
    }

    @Test
    void groupsUpToFourSentencesWhileTheyFitTheTokenLimit() {
        List<String> sentences = List.of(sentence(10), sentence(10), sentence(10), sentence(10), sentence(10),
                sentence(10));

        List<Passage> passages = Passages.build(sentences, WORDS, 126, 4);

        assertEquals(List.of(4, 2), passages.stream().map(Passage::sentences).toList());
        assertEquals(List.of(40, 20), passages.stream().map(Passage::tokens).toList());
        assertTrue(passages.stream().noneMatch(Passage::cut));
    }

    @Test
    void startsANewPassageRatherThanGoOverTheTokenLimit() {
        List<String> sentences = List.of(sentence(50), sentence(50), sentence(30), sentence(20));

        List<Passage> passages = Passages.build(sentences, WORDS, 126, 4);

        assertEquals(List.of(100, 50), passages.stream().map(Passage::tokens).toList());
        passages.forEach(p -> assertTrue(p.tokens() <= 126));
    }

    @Test
    void cutsASingleOverLongSentenceIntoFlaggedPassagesOfItsOwn() {
        List<String> sentences = List.of(sentence(10), sentence(300), sentence(10));

        List<Passage> passages = Passages.build(sentences, WORDS, 126, 4);

        assertEquals(List.of(10, 126, 126, 48, 10), passages.stream().map(Passage::tokens).toList());
        assertEquals(List.of(false, true, true, true, false), passages.stream().map(Passage::cut).toList());
    }

    @Test
    void skipsBlankSentencesAndGivesNothingForNothing() {
        assertTrue(Passages.build(List.of(" ", ""), WORDS, 126, 4).isEmpty());
        assertEquals(1, Passages.build(List.of("One.", "  ", "Two."), WORDS, 126, 4).size());
    }

    @Test
    void withTheModelsTokenizerEveryPassageOfALongPieceFitsAndEveryWordIsKept() {
        try (MiniLm model = MiniLm.load()) {
            String text = org.commentarywatch.enrich.PieceGenerator.piece(new java.util.Random(7), 800);
            List<String> sentences = SentenceSplitter.split(text, Locale.ENGLISH);

            List<Passage> passages = Passages.build(sentences, model, Passages.MODEL_MAX_TOKENS, 4);

            assertTrue(passages.size() >= 8, "passages: " + passages.size());
            for (Passage passage : passages) {
                assertTrue(model.count(passage.text()) <= Passages.MODEL_MAX_TOKENS, passage.text());
                assertEquals(model.count(passage.text()), passage.tokens());
                assertTrue(passage.sentences() <= 4);
                assertFalse(passage.cut());
            }
            assertEquals(model.count(text), passages.stream().mapToInt(Passage::tokens).sum());
        }
    }
}
