package org.commentarywatch.enrich.service.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShinglesTest {

    private static final String PIECE = "The two governments signed a framework on grain exports and promised to "
            + "settle payments in their own currencies. Traders expect the first shipments before the harvest ends, "
            + "although insurers have not yet agreed to cover the route through the northern ports.";

    @Test
    void identicalTextsUpToCaseAndPunctuationAreTheSame() {
        assertEquals(1.0, Shingles.jaccard(PIECE, PIECE.toUpperCase().replace(",", "")));
    }

    @Test
    void aLightlyEditedCopyStaysAboveHalf() {
        String edited = PIECE.replace("two governments", "two capitals").replace("first shipments", "first cargoes");

        assertTrue(Shingles.jaccard(PIECE, edited) > 0.5, () -> "jaccard " + Shingles.jaccard(PIECE, edited));
    }

    @Test
    void aDifferentTextOnTheSameSubjectSharesLittle() {
        String other = "Grain exports through the northern ports may start before the harvest, traders say, but "
                + "payments and insurance are still unresolved between the two governments.";

        assertTrue(Shingles.jaccard(PIECE, other) < 0.2, () -> "jaccard " + Shingles.jaccard(PIECE, other));
    }

    @Test
    void eachHanCharacterIsAWord() {
        assertEquals(List.of("北", "京", "and", "moscow", "2026"), Shingles.words("北京 and Moscow, 2026"));
    }
}
