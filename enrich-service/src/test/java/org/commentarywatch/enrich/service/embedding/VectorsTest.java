package org.commentarywatch.enrich.service.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void theDocumentVectorIsTheUnitLengthMeanOfThePassageVectors() {
        float[] mean = Vectors.normalisedMean(List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}));

        float half = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {half, half, 0}, mean, 1e-6f);
        assertEquals(1.0, Vectors.norm(mean), 1e-6);
    }

    @Test
    void oneVectorIsItsOwnMeanOnceNormalised() {
        assertArrayEquals(new float[] {0.6f, 0.8f}, Vectors.normalisedMean(List.of(new float[] {3, 4})), 1e-6f);
    }

    @Test
    void opposedVectorsAverageToZeroRatherThanToNaN() {
        assertArrayEquals(new float[] {0, 0}, Vectors.normalisedMean(List.of(new float[] {1, 0}, new float[] {-1, 0})));
    }

    @Test
    void cosineIgnoresLength() {
        assertEquals(1.0, Vectors.cosine(new float[] {1, 2}, new float[] {2, 4}), 1e-9);
        assertEquals(0.0, Vectors.cosine(new float[] {1, 0}, new float[] {0, 3}), 1e-9);
        assertEquals(-1.0, Vectors.cosine(new float[] {1, 1}, new float[] {-1, -1}), 1e-9);
    }

    @Test
    void refusesVectorsOfDifferentDimensions() {
        assertThrows(IllegalArgumentException.class,
                () -> Vectors.normalisedMean(List.of(new float[] {1, 0}, new float[] {1, 0, 0})));
    }
}
