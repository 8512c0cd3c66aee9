package org.commentarywatch.enrich.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The document's vector and its place among earlier documents, written flat into {@code enrichment}.
 *
 * @param vector 384 numbers, unit length: search-service's {@code dense_vector}
 * @param neighbours the nearest earlier documents, most similar first; null when the corpus was not consulted
 * @param novelty 1 − the similarity of the closest earlier document, 1 when there is none; null when not consulted
 * @param nearDuplicateOf the earlier document this one re-publishes or lightly edits
 * @param clusterId the story cluster: an earlier neighbour's, else the document's own id
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimilarityFindings(
        float[] vector,
        EmbeddingSummary embedding,
        List<Neighbour> neighbours,
        Double novelty,
        String nearDuplicateOf,
        String clusterId) {
}
