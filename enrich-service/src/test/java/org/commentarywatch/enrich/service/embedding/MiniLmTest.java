package org.commentarywatch.enrich.service.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packaged model, loaded from the langchain4j jar with the tuned session, offline. */
class MiniLmTest {

    private static MiniLm model;

    @BeforeAll
    static void load() {
        model = MiniLm.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void embedsATextAsA384DimensionalUnitVector() {
        float[] vector = model.embed("Moscow and Beijing signed a new gas contract.");

        assertEquals(MiniLm.DIMENSION, vector.length);
        assertEquals(1.0, Vectors.norm(vector), 1e-4);
    }

    @Test
    void placesParaphrasesCloserThanUnrelatedTexts() {
        float[] gas = model.embed("Russia and China agreed to build a second gas pipeline.");
        float[] paraphrase = model.embed("Moscow and Beijing decided on another pipeline for natural gas.");
        float[] cooking = model.embed("Fold the beaten egg whites gently into the chocolate batter.");

        assertTrue(Vectors.cosine(gas, paraphrase) > Vectors.cosine(gas, cooking) + 0.3,
                () -> "paraphrase " + Vectors.cosine(gas, paraphrase) + ", unrelated " + Vectors.cosine(gas, cooking));
    }

    @Test
    void countsWordPiecesWithoutSpecialTokensAndWithoutTheBundledTruncation() {
        assertEquals(2, model.count("hello world"));
        String long_ = "word ".repeat(300);
        assertEquals(300, model.count(long_));
    }

    @Test
    void readsOnlyTheFirst126TokensOfWhatItIsGiven() {
        String first = "alpha beta gamma delta ".repeat(32).strip(); // 128 tokens
        float[] cut = model.embed(String.join(" ", List.of(first.split(" ")).subList(0, 126)));
        float[] whole = model.embed(first + " and then something entirely different about cooking pasta");

        assertArrayEquals(cut, whole, 1e-5f);
    }

    @Test
    void cutsALongTextAtTokenBoundariesIntoPiecesWithinTheLimitLosingNothing() {
        String text = "The delegation discussed pipelines, ports and payment systems at length. ".repeat(20).strip();

        List<String> pieces = model.cut(text, 50);

        assertTrue(pieces.size() > 1);
        pieces.forEach(piece -> assertTrue(model.count(piece) <= 50, piece));
        assertEquals(model.count(text), pieces.stream().mapToInt(model::count).sum());
        assertEquals(text.replace(" ", ""), String.join("", pieces).replace(" ", ""));
    }
}
