package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.Schemas;
import org.commentarywatch.search.model.InvalidSearchParameterException;
import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchSort;

class SearchRequestsTest {

    /** Query parameters as pairs: name, value, name, value... (a name may repeat). */
    private static SearchParams params(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.computeIfAbsent(pairs[i], name -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return SearchParams.parse(parameters);
    }

    private static InvalidSearchParameterException refused(String... pairs) {
        return assertThrows(InvalidSearchParameterException.class, () -> params(pairs));
    }

    @Test
    void missingPagingMeansTheFirstTenHits() {
        SearchParams params = params("q", "gas");
        assertEquals(10, params.size());
        assertEquals(1, params.page());
        assertEquals(0, params.offset());
    }

    @Test
    void pagesAreCountedFromOneAndBoundedByTheResultWindow() {
        assertEquals(40, params("size", "20", "page", "3").offset());
        assertEquals(Optional.of("page"), refused("page", "0").parameter());
        assertEquals(Optional.of("page"), refused("size", "100", "page", "101").parameter());
        assertEquals(9900, params("size", "100", "page", "100").offset());
    }

    @Test
    void sizeOutsideOneToOneHundredIsRefusedNamingSize() {
        assertEquals(Optional.of("size"), refused("size", "0").parameter());
        assertEquals(Optional.of("size"), refused("size", "101").parameter());
        InvalidSearchParameterException e = refused("size", "ten");
        assertEquals(Optional.of("size"), e.parameter());
        assertTrue(e.getMessage().contains("ten"), e.getMessage());
    }

    @Test
    void unknownStanceThemeLanguageSortAndReferenceValuesAreRefusedNamingTheParameter() {
        assertEquals(Optional.of("stance"), refused("stance", "allies").parameter());
        assertEquals(Optional.of("theme"), refused("theme", "energie").parameter());
        assertEquals(Optional.of("language"), refused("language", "English").parameter());
        assertEquals(Optional.of("sort"), refused("sort", "date").parameter());
        assertEquals(Optional.of("reference"), refused("reference", "yes").parameter());
        assertEquals(Optional.of("q"), refused("q", "a", "q", "b").parameter());
    }

    @Test
    void datesAreWholeDaysAndDateTimesAreInclusive() {
        SearchParams days = params("from", "2026-10-01", "to", "2026-10-14");
        assertEquals(Optional.of(Instant.parse("2026-10-01T00:00:00Z")), days.from());
        assertEquals(Optional.of(Instant.parse("2026-10-15T00:00:00Z")), days.until());
        SearchParams times = params("from", "2026-10-01T08:00:00+02:00", "to", "2026-10-14T12:00:00Z");
        assertEquals(Optional.of(Instant.parse("2026-10-01T06:00:00Z")), times.from());
        assertEquals(Optional.of(Instant.parse("2026-10-14T12:00:00.001Z")), times.until());
        assertEquals(Optional.of("to"), refused("to", "yesterday").parameter());
        assertEquals(Optional.of("from"), refused("from", "2026-10-14", "to", "2026-10-01").parameter());
    }

    @Test
    void theDefaultOrderIsRelevanceWithAQueryAndNewestIngestedWithout() {
        assertEquals(SearchSort.RELEVANCE, params("q", "gas").sort());
        assertEquals(SearchSort.INGESTED_DESC, params().sort());
        assertEquals(SearchSort.NOVELTY, params("q", "gas", "sort", "novelty").sort());
    }

    @Test
    void theStanceAndThemeValuesAcceptedAreExactlyThoseOfTheEnrichedDocumentSchema() throws Exception {
        JsonNode schema = Fixtures.JSON.readTree(java.nio.file.Path.of(System.getProperty("commentary-test.schemas-dir"))
                .resolve(Schemas.ENRICHED_DOCUMENT).toFile());
        JsonNode enrichment = schema.path("properties").path("enrichment").path("properties");
        assertEquals(enumOf(enrichment.path("stance").path("properties").path("label")), new TreeSet<>(SearchParams.STANCES));
        assertEquals(enumOf(enrichment.path("themes").path("items").path("properties").path("label")),
                new TreeSet<>(SearchParams.THEMES));
    }

    private static Set<String> enumOf(JsonNode property) {
        Set<String> values = new TreeSet<>();
        property.path("enum").forEach(value -> values.add(value.asText()));
        assertTrue(!values.isEmpty(), "no enum in " + property);
        return values;
    }

    @Test
    void aQueryIsAQueryStringOverTitleTwiceAsHeavyAsTextWithEveryTermRequiredAndHighlighted() {
        SearchRequest request = SearchRequests.build("commentary", params("q", "gas price", "size", "20", "page", "3"));
        assertEquals(List.of("commentary"), request.index());
        assertEquals(20, request.size());
        assertEquals(40, request.from());
        Query must = request.query().bool().must().get(0);
        assertTrue(must.isQueryString());
        assertEquals(List.of("title^2", "text"), must.queryString().fields());
        assertEquals("gas price", must.queryString().query());
        assertEquals(Operator.And, must.queryString().defaultOperator());
        assertEquals(Boolean.FALSE, must.queryString().allowLeadingWildcard());
        assertTrue(request.highlight().fields().containsKey("text"));
        assertTrue(request.highlight().fields().containsKey("title"));
        assertTrue(request.sort().get(0).isScore(), "hits with a query are ordered by relevance");
    }

    @Test
    void everyFilterBecomesAFilterClause() {
        SearchRequest request = SearchRequests.build("commentary", params("stance", "convergence", "stance", "neutral",
                "theme", "energy", "actor", "china", "language", "en", "source", "Example Notes", "from", "2026-10-01",
                "reference", "false"));
        List<Query> filters = request.query().bool().filter();
        assertEquals(7, filters.size());
        assertEquals("enrichment.stance.label", filters.get(0).terms().field());
        assertEquals(2, filters.get(0).terms().terms().value().size());
        Query actor = filters.stream().filter(Query::isBool).findFirst().orElseThrow();
        assertEquals(Set.of("enrichment.actors.id", "enrichment.actors.name"),
                Set.of(actor.bool().should().get(0).terms().field(), actor.bool().should().get(1).terms().field()));
        Query published = filters.stream().filter(Query::isRange).findFirst().orElseThrow();
        assertEquals("2026-10-01T00:00:00Z", published.range().date().gte());
        assertTrue(request.query().bool().must().get(0).isMatchAll());
    }

    @Test
    void theFacetsAreStanceThemesActorsSourcesAndADailyHistogram() {
        SearchRequest request = SearchRequests.build("commentary", params("q", "gas"));
        assertEquals(Set.of("stance", "themes", "actors", "sources", "published_per_day"), request.aggregations().keySet());
        assertTrue(request.aggregations().get("published_per_day").isDateHistogram());
    }

    @Test
    void noQueryMeansEverythingNewestIngestedFirstWithTheIdAsLastKey() {
        SearchRequest request = SearchRequests.build("commentary", params("q", "   "));
        assertTrue(request.query().bool().must().get(0).isMatchAll());
        assertEquals("ingested_at", request.sort().get(0).field().field());
        assertEquals(SortOrder.Desc, request.sort().get(0).field().order());
        assertEquals("id", request.sort().get(request.sort().size() - 1).field().field());
    }

    @Test
    void noveltySortsMostNovelFirst() {
        SearchRequest request = SearchRequests.build("commentary", params("sort", "novelty"));
        assertEquals("enrichment.novelty", request.sort().get(0).field().field());
        assertEquals(SortOrder.Desc, request.sort().get(0).field().order());
    }

    @Test
    void totalsAreExact() {
        SearchRequest request = SearchRequests.build("commentary", params());
        assertTrue(request.trackTotalHits().enabled());
    }
}
