package org.commentarywatch.search.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.Fixtures;

class SearchHitJsonTest {

    @Test
    void unknownPublishedDateAndSourceAreLeftOutNotNull() {
        JsonNode json = Fixtures.JSON.valueToTree(
                new SearchHit("abc", "A title", "a snippet", 1.5, Optional.empty(), Optional.empty(), "und", true));
        assertFalse(json.has("published"));
        assertFalse(json.has("source"));
        assertEquals("und", json.path("language").asText());
    }

    @Test
    void knownValuesAreWrittenUnderTheirNames() {
        JsonNode json = Fixtures.JSON.valueToTree(new SearchHit("abc", "A title", "a snippet", 1.5,
                Optional.of("2026-10"), Optional.of("Example Notes"), "en", false));
        assertEquals("2026-10", json.path("published").asText());
        assertEquals("Example Notes", json.path("source").asText());
        assertEquals(1.5, json.path("score").asDouble());
    }
}
