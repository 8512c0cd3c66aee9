package org.commentarywatch.search.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.Fixtures;

class SearchHitJsonTest {

    @Test
    void unknownPublishedDateSourceStanceAndNoveltyAreLeftOutNotNull() {
        JsonNode json = Fixtures.JSON.valueToTree(new SearchHit("abc", "A title", "a snippet", 1.5, Optional.empty(),
                Optional.empty(), "und", true, Optional.empty(), List.of(), List.of(), Optional.empty(), Map.of()));
        assertFalse(json.has("published"));
        assertFalse(json.has("source"));
        assertFalse(json.has("stance"));
        assertFalse(json.has("novelty"));
        assertEquals("und", json.path("language").asText());
    }

    @Test
    void knownValuesAreWrittenUnderTheirSnakeCaseNames() {
        JsonNode json = Fixtures.JSON.valueToTree(new SearchHit("abc", "A title", "a snippet", 1.5,
                Optional.of("2026-10"), Optional.of("Example Notes"), "en", false, Optional.of("convergence"),
                List.of("energy"), List.of("China"), Optional.of(0.75), Map.of("text", List.of("a <em>gas</em> deal"))));
        assertEquals("2026-10", json.path("published").asText());
        assertEquals("Example Notes", json.path("source").asText());
        assertEquals(1.5, json.path("score").asDouble());
        assertEquals("convergence", json.path("stance").asText());
        assertEquals("energy", json.path("themes").path(0).asText());
        assertEquals("China", json.path("actors").path(0).asText());
        assertEquals(0.75, json.path("novelty").asDouble());
        assertEquals("a <em>gas</em> deal", json.path("highlights").path("text").path(0).asText());
    }

    @Test
    void theHistogramFacetIsCalledPublishedPerDay() {
        JsonNode json = Fixtures.JSON.valueToTree(new SearchFacets(List.of(new SearchFacets.Bucket("neutral", 2)), List.of(),
                List.of(), List.of(), List.of(new SearchFacets.Bucket("2026-10-14", 1))));
        assertEquals("neutral", json.path("stance").path(0).path("key").asText());
        assertEquals(2, json.path("stance").path(0).path("count").asLong());
        assertEquals("2026-10-14", json.path("published_per_day").path(0).path("key").asText());
    }
}
