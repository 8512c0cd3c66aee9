package org.commentarywatch.enrich.service.embedding;

import java.util.List;

/** The little vector arithmetic the analysis needs, on float arrays as the model returns them. */
public final class Vectors {

    private Vectors() {
    }

    /** The L2-normalised mean of the vectors (all of one dimension); a zero vector stays zero. */
    public static float[] normalisedMean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to average");
        }
        int dimension = vectors.get(0).length;
        double[] sum = new double[dimension];
        for (float[] vector : vectors) {
            if (vector.length != dimension) {
                throw new IllegalArgumentException("vectors of dimensions " + dimension + " and " + vector.length);
            }
            for (int i = 0; i < dimension; i++) {
                sum[i] += vector[i];
            }
        }
        return normalise(sum);
    }

    public static float[] normalise(float[] vector) {
        double[] copy = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            copy[i] = vector[i];
        }
        return normalise(copy);
    }

    private static float[] normalise(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        if (norm == 0) {
            return unit;
        }
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of dimensions " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    public static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
