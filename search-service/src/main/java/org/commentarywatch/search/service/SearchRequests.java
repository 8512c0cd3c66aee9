package org.commentarywatch.search.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchSort;

/**
 * Builds the Elasticsearch request behind {@code GET /api/search}: the query over title (weighted double) and text,
 * the filters, the page, the order, highlighting and the facets.
 */
public final class SearchRequests {

    /** Length of a snippet, highlighted or not. */
    public static final int SNIPPET_LENGTH = 200;
    static final List<String> SOURCE_FIELDS = List.of("id", "title", "text", "published", "source", "reference",
            "enrichment.language", "enrichment.stance.label", "enrichment.themes.label", "enrichment.actors.id",
            "enrichment.actors.name", "enrichment.novelty");
    static final List<String> QUERY_FIELDS = List.of("title^2", "text");

    /** Facet names in the response, each an aggregation of the same name. */
    public static final String STANCE = "stance";
    public static final String THEMES = "themes";
    public static final String ACTORS = "actors";
    public static final String SOURCES = "sources";
    public static final String PER_DAY = "published_per_day";

    static final String STANCE_FIELD = "enrichment.stance.label";
    static final String THEME_FIELD = "enrichment.themes.label";
    static final String ACTOR_ID_FIELD = "enrichment.actors.id";
    static final String ACTOR_NAME_FIELD = "enrichment.actors.name";
    static final String LANGUAGE_FIELD = "enrichment.language";
    static final String SOURCE_FIELD = "source";
    static final String PUBLISHED_FIELD = "published";
    static final String NOVELTY_FIELD = "enrichment.novelty";
    static final String INGESTED_FIELD = "ingested_at";
    /** Keyword id: a last sort key, so that pages do not overlap when the first keys tie. */
    static final String TIE_BREAKER_FIELD = "id";
    /** Beyond this many characters of a long text, highlighting gives up rather than failing the whole search. */
    private static final int MAX_ANALYZED_OFFSET = 1_000_000;
    private static final int THEME_BUCKETS = 20;
    private static final int ACTOR_BUCKETS = 20;
    private static final int SOURCE_BUCKETS = 20;

    private SearchRequests() {
    }

    /** {@code params.query()} must have passed {@link SearchQueries#check}. */
    public static SearchRequest build(String index, SearchParams params) {
        return SearchRequest.of(search -> {
            search.index(index)
                    .from(params.offset())
                    .size(params.size())
                    .trackTotalHits(total -> total.enabled(true))
                    .trackScores(true)
                    .source(source -> source.filter(filter -> filter.includes(SOURCE_FIELDS)))
                    .query(query(params))
                    .sort(sort(params.sort()))
                    .aggregations(STANCE, a -> a.terms(t -> t.field(STANCE_FIELD).size(SearchParams.STANCES.size())))
                    .aggregations(THEMES, a -> a.terms(t -> t.field(THEME_FIELD).size(THEME_BUCKETS)))
                    .aggregations(ACTORS, a -> a.terms(t -> t.field(ACTOR_NAME_FIELD).size(ACTOR_BUCKETS)))
                    .aggregations(SOURCES, a -> a.terms(t -> t.field(SOURCE_FIELD).size(SOURCE_BUCKETS)))
                    .aggregations(PER_DAY, a -> a.dateHistogram(h -> h
                            .field(PUBLISHED_FIELD)
                            .calendarInterval(CalendarInterval.Day)
                            .format("yyyy-MM-dd")
                            .minDocCount(1)));
            if (params.query().isPresent()) {
                search.highlight(highlight -> highlight
                        .encoder(HighlighterEncoder.Html)
                        .maxAnalyzedOffset(MAX_ANALYZED_OFFSET)
                        // the whole title, highlighted
                        .fields("title", field -> field.numberOfFragments(0))
                        .fields("text", field -> field
                                .fragmentSize(SNIPPET_LENGTH)
                                .numberOfFragments(3)));
            }
            return search;
        });
    }

    static Query query(SearchParams params) {
        List<Query> filters = new ArrayList<>();
        terms(STANCE_FIELD, params.stances()).ifPresent(filters::add);
        terms(THEME_FIELD, params.themes()).ifPresent(filters::add);
        terms(LANGUAGE_FIELD, params.languages()).ifPresent(filters::add);
        terms(SOURCE_FIELD, params.sources()).ifPresent(filters::add);
        if (!params.actors().isEmpty()) {
            // An actor is named by its id or its name; either will do.
            filters.add(Query.of(q -> q.bool(b -> b
                    .should(terms(ACTOR_ID_FIELD, params.actors()).orElseThrow())
                    .should(terms(ACTOR_NAME_FIELD, params.actors()).orElseThrow())
                    .minimumShouldMatch("1"))));
        }
        if (params.from().isPresent() || params.until().isPresent()) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field(PUBLISHED_FIELD).format("strict_date_optional_time");
                params.from().ifPresent(from -> d.gte(from.toString()));
                params.until().ifPresent(until -> d.lt(until.toString()));
                return d;
            }))));
        }
        params.reference().ifPresent(reference -> filters.add(Query.of(q -> q.term(t -> t.field("reference").value(reference)))));
        return Query.of(q -> q.bool(b -> {
            params.query().ifPresentOrElse(
                    text -> b.must(must -> must.queryString(qs -> qs
                            .query(text)
                            .fields(QUERY_FIELDS)
                            .defaultOperator(Operator.And)
                            .allowLeadingWildcard(false))),
                    () -> b.must(must -> must.matchAll(all -> all)));
            return b.filter(filters);
        }));
    }

    private static Optional<Query> terms(String field, List<String> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Optional.of(Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues)))));
    }

    static List<SortOptions> sort(SearchSort sort) {
        List<SortOptions> keys = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> {
                keys.add(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))));
                keys.add(field(PUBLISHED_FIELD, SortOrder.Desc, FieldType.Date));
            }
            case PUBLISHED_DESC -> keys.add(field(PUBLISHED_FIELD, SortOrder.Desc, FieldType.Date));
            case PUBLISHED_ASC -> keys.add(field(PUBLISHED_FIELD, SortOrder.Asc, FieldType.Date));
            case NOVELTY -> {
                keys.add(field(NOVELTY_FIELD, SortOrder.Desc, FieldType.Float));
                keys.add(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))));
            }
            case INGESTED_DESC -> keys.add(field(INGESTED_FIELD, SortOrder.Desc, FieldType.Date));
        }
        keys.add(field(TIE_BREAKER_FIELD, SortOrder.Asc, FieldType.Keyword));
        return keys;
    }

    private static SortOptions field(String name, SortOrder order, FieldType unmappedType) {
        // Documents without the field go last whichever the direction.
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing("_last").unmappedType(unmappedType)));
    }
}
