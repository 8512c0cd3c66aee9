package org.commentarywatch.search.model;

import java.util.List;
import java.util.Objects;

/** Body of {@code GET /api/search}: the exact number of matches, the requested page of them and the facets of all. */
public record SearchResult(long total, int page, int size, List<SearchHit> hits, SearchFacets facets) {
    public SearchResult {
        hits = List.copyOf(hits);
        Objects.requireNonNull(facets, "facets");
    }
}
