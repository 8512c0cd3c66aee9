package org.commentarywatch.search.model;

import java.util.List;

/** Body of {@code GET /api/search}: the exact number of matches and the requested page of them. */
public record SearchResult(long total, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
