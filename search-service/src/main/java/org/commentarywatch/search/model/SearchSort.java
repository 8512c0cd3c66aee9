package org.commentarywatch.search.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The orders {@code GET /api/search} offers, under the names the {@code sort} parameter takes. */
public enum SearchSort {
    /** Best match first; with no query every hit scores alike and the newest published come first. */
    RELEVANCE("relevance"),
    PUBLISHED_DESC("published_desc"),
    PUBLISHED_ASC("published_asc"),
    /** Most novel first (enrichment.novelty); documents without a novelty score last. */
    NOVELTY("novelty"),
    /** Most recently ingested first: what a search without a query lists by default. */
    INGESTED_DESC("ingested_desc");

    private final String parameter;

    SearchSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<SearchSort> of(String parameter) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(parameter)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(SearchSort::parameter).collect(Collectors.joining(", "));
    }
}
