package org.commentarywatch.search.service;

import java.util.List;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

import org.commentarywatch.search.model.SearchParams;

/** Builds the Elasticsearch request behind {@code GET /api/search}. */
public final class SearchRequests {

    /** Length of a snippet, highlighted or not. */
    public static final int SNIPPET_LENGTH = 200;
    static final List<String> SOURCE_FIELDS = List.of("id", "title", "text", "published", "source",
            "enrichment.language", "reference");
    static final List<String> QUERY_FIELDS = List.of("title^2", "text");
    /** Beyond this many characters of a long text, highlighting gives up rather than failing the whole search. */
    private static final int MAX_ANALYZED_OFFSET = 1_000_000;

    private SearchRequests() {
    }

    /**
     * A query: {@code simple_query_string} over title (weighted double) and text, all terms required; it never
     * fails on what a user types, whatever the syntax. No query: everything, most recently ingested first.
     */
    public static SearchRequest build(String alias, SearchParams params) {
        return SearchRequest.of(search -> {
            search.index(alias)
                    .from(params.from())
                    .size(params.size())
                    .trackTotalHits(total -> total.enabled(true))
                    .trackScores(true)
                    .source(source -> source.filter(filter -> filter.includes(SOURCE_FIELDS)));
            params.query().ifPresentOrElse(
                    text -> search
                            .query(query -> query.simpleQueryString(simple -> simple
                                    .query(text)
                                    .fields(QUERY_FIELDS)
                                    .defaultOperator(Operator.And)
                                    .lenient(true)))
                            .highlight(highlight -> highlight
                                    .encoder(HighlighterEncoder.Html)
                                    .maxAnalyzedOffset(MAX_ANALYZED_OFFSET)
                                    .fields("text", field -> field
                                            .fragmentSize(SNIPPET_LENGTH)
                                            .numberOfFragments(1))),
                    () -> search
                            .query(query -> query.matchAll(all -> all))
                            .sort(sort -> sort.field(field -> field
                                    .field("ingested_at")
                                    .order(SortOrder.Desc)
                                    .unmappedType(FieldType.Date))));
            return search;
        });
    }
}
