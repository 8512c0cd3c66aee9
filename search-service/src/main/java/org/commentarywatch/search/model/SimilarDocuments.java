package org.commentarywatch.search.model;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code GET /api/documents/{id}/similar}: the documents nearest to {@code id} by embedding, nearest first,
 * the document itself left out. Empty when the document has no embedding.
 */
public record SimilarDocuments(String id, int k, List<SearchHit> hits) {
    public SimilarDocuments {
        Objects.requireNonNull(id, "id");
        hits = List.copyOf(hits);
    }
}
