package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch.core.SearchRequest;

import org.commentarywatch.search.model.InvalidSearchParameterException;
import org.commentarywatch.search.model.SearchParams;

class SearchRequestsTest {

    private static SearchParams params(String q, String size, String from) {
        return SearchParams.parse(Optional.ofNullable(q), Optional.ofNullable(size), Optional.ofNullable(from));
    }

    @Test
    void missingSizeAndFromMeanTheFirstTenHits() {
        SearchParams params = params("gas", null, null);
        assertEquals(10, params.size());
        assertEquals(0, params.from());
    }

    @Test
    void sizeFromOneToOneHundredIsAccepted() {
        assertEquals(1, params("gas", "1", "0").size());
        assertEquals(100, params("gas", "100", "0").size());
    }

    @Test
    void sizeOutsideOneToOneHundredIsRefused() {
        assertThrows(InvalidSearchParameterException.class, () -> params("gas", "0", null));
        assertThrows(InvalidSearchParameterException.class, () -> params("gas", "101", null));
        assertThrows(InvalidSearchParameterException.class, () -> params("gas", "-5", null));
    }

    @Test
    void negativeFromAndPagesBeyondTheResultWindowAreRefused() {
        assertThrows(InvalidSearchParameterException.class, () -> params("gas", "10", "-1"));
        assertThrows(InvalidSearchParameterException.class, () -> params("gas", "100", "9901"));
        assertEquals(9900, params("gas", "100", "9900").from());
    }

    @Test
    void numbersThatAreNotIntegersAreRefusedWithTheParameterNamed() {
        InvalidSearchParameterException e = assertThrows(InvalidSearchParameterException.class,
                () -> params("gas", "ten", null));
        assertTrue(e.getMessage().contains("size"), e.getMessage());
    }

    @Test
    void aQuerySearchesTitleTwiceAsHeavilyAsTextAndHighlightsText() {
        SearchRequest request = SearchRequests.build("commentary", params("gas price", "20", "40"));
        assertEquals(List.of("commentary"), request.index());
        assertEquals(20, request.size());
        assertEquals(40, request.from());
        assertTrue(request.query().isSimpleQueryString());
        assertEquals(List.of("title^2", "text"), request.query().simpleQueryString().fields());
        assertEquals("gas price", request.query().simpleQueryString().query());
        assertEquals(Operator.And, request.query().simpleQueryString().defaultOperator());
        assertTrue(request.highlight().fields().containsKey("text"));
        assertTrue(request.sort().isEmpty(), "hits with a query are ordered by relevance");
    }

    @Test
    void noQueryMeansEverythingNewestFirst() {
        SearchRequest request = SearchRequests.build("commentary", params("   ", null, null));
        assertTrue(request.query().isMatchAll());
        assertEquals("ingested_at", request.sort().get(0).field().field());
        assertEquals(SortOrder.Desc, request.sort().get(0).field().order());
    }

    @Test
    void totalsAreExact() {
        SearchRequest request = SearchRequests.build("commentary", params(null, null, null));
        assertTrue(request.trackTotalHits().enabled());
    }
}
