package org.commentarywatch.search.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.Fixtures;

class FeedStateTest {

    @Test
    void aRecordAsIngestServiceWritesItIsReadIgnoringWhatTheIndexDoesNotKeep() throws Exception {
        FeedState state = Fixtures.JSON.readValue("""
                {"feed_id": "f1", "url": "https://feeds.example.org/a.xml", "tags": ["think-tanks"],
                 "interval_seconds": 900, "effective_interval_seconds": 1800, "created": "2026-11-30T09:00:00Z",
                 "last_fetch": "2026-11-30T10:15:00Z", "last_success": null, "http_status": 503,
                 "consecutive_failures": 2, "items_seen": 40, "items_new": 0, "next_fetch": "2026-11-30T10:45:00Z",
                 "last_error": "HTTP 503", "etag": "\\"x\\"", "last_modified": "Mon, 30 Nov 2026 10:00:00 GMT",
                 "seen_ids": ["a", "b"], "added_in_a_later_version": {"x": 1}}
                """, FeedState.class);
        assertEquals("f1", state.feedId());
        assertEquals(List.of("think-tanks"), state.tags());
        assertEquals(Optional.of(Instant.parse("2026-11-30T10:15:00Z")), state.lastFetch());
        assertEquals(Optional.empty(), state.lastSuccess());
        assertEquals(Optional.of(503), state.httpStatus());
        assertEquals(2, state.consecutiveFailures());

        JsonNode written = Fixtures.JSON.valueToTree(state);
        assertEquals("2026-11-30T10:15:00Z", written.path("last_fetch").asText());
        assertFalse(written.has("last_success"), "absent, not null");
        assertFalse(written.has("seen_ids"));
        assertFalse(written.has("etag"));
    }

    @Test
    void aMinimalRecordHasNoTagsAndZeroCounts() throws Exception {
        FeedState state = Fixtures.JSON.readValue("{\"feed_id\": \"f2\"}", FeedState.class);
        assertEquals(List.of(), state.tags());
        assertEquals(0, state.itemsSeen());
        assertEquals(Optional.empty(), state.url());
    }

    @Test
    void aLongErrorIsCutToWhatTheMappingKeepsSearchable() throws Exception {
        FeedState state = Fixtures.JSON.readValue("{\"feed_id\": \"f3\", \"last_error\": \"" + "x".repeat(5_000) + "\"}",
                FeedState.class);
        assertEquals(FeedState.MAX_ERROR_LENGTH, state.lastError().orElseThrow().length());
    }

    @Test
    void aRecordWithoutFeedIdIsRefused() {
        assertThrows(Exception.class, () -> Fixtures.JSON.readValue("{\"url\": \"https://x.example.org\"}", FeedState.class));
    }
}
