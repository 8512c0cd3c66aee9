package org.commentarywatch.enrich.service.embedding;

import java.util.List;

/**
 * The embedding of one document.
 *
 * @param vector unit-length mean of the passage vectors
 * @param passages the passages embedded, in text order
 * @param passageVectors one unit vector per passage, same order
 * @param omittedPassages passages of a very long text beyond the limit, not embedded
 */
public record DocumentEmbedding(float[] vector, List<Passage> passages, List<float[]> passageVectors,
        int omittedPassages) {

    public int truncatedPassages() {
        return (int) passages.stream().filter(Passage::cut).count();
    }
}
