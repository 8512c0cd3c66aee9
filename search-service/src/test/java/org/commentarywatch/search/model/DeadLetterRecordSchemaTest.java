package org.commentarywatch.search.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.Schemas;

class DeadLetterRecordSchemaTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-23T10:15:30.123456Z");

    private static JsonNode json(DeadLetterRecord record) {
        return Fixtures.JSON.valueToTree(record);
    }

    @Test
    void aMappingRejectionConformsToTheDlqContract() {
        String payload = Fixtures.enrichedDocument().put("published", "not a date").toString();
        DeadLetterRecord record = new ConsumedRecord(
                new DeadLetterRecord.Source("commentary.enriched", 2, 41L, Optional.of("5f1c0a9e2b7d4c3e8a6f0b1d2c3e4f5a")),
                payload)
                .deadLetter(new DeadLetterRecord.Cause("mapping_rejected",
                                "Elasticsearch answered 400: document_parsing_exception: failed to parse field [published]"),
                        Optional.of("5f1c0a9e2b7d4c3e8a6f0b1d2c3e4f5a"), FAILED_AT);

        JsonNode json = json(record);

        assertEquals("[]", Schemas.validate(Schemas.DLQ_RECORD, json).toString());
        assertEquals("index", json.path("stage").asText());
        assertEquals("search-service", json.path("service").asText());
        assertEquals("utf-8", json.path("payload_encoding").asText());
        assertEquals(payload, json.path("payload").asText(), "the payload travels verbatim");
        assertEquals("5f1c0a9e2b7d4c3e8a6f0b1d2c3e4f5a", json.path("document_id").asText());
        assertEquals(41, json.path("source").path("offset").asLong());
        assertEquals("2026-11-23T10:15:30.123456Z", json.path("failed_at").asText());
    }

    @Test
    void aMalformedRecordWithoutKeyOrIdConformsAndLeavesThemOutRatherThanNull() {
        DeadLetterRecord record = new ConsumedRecord(
                new DeadLetterRecord.Source("commentary.enriched", 0, 7L, Optional.empty()), "{\"id\": \"abc\", ")
                .deadLetter(new DeadLetterRecord.Cause("malformed_json", "the value is not valid JSON: unexpected end"),
                        Optional.empty(), FAILED_AT);

        JsonNode json = json(record);

        assertEquals("[]", Schemas.validate(Schemas.DLQ_RECORD, json).toString());
        assertFalse(json.has("document_id"));
        assertFalse(json.path("source").has("key"));
        assertTrue(record.kafkaKey().isEmpty());
    }

    @Test
    void theValidatorRejectsARecordWithoutCauseOrWithATimeThatIsNoDateTime() {
        ObjectNode withoutCause = (ObjectNode) json(minimal());
        withoutCause.remove("cause");
        assertFalse(Schemas.validate(Schemas.DLQ_RECORD, withoutCause).isEmpty());

        ObjectNode badTime = ((ObjectNode) json(minimal())).put("failed_at", "yesterday");
        assertFalse(Schemas.validate(Schemas.DLQ_RECORD, badTime).isEmpty());
    }

    private static DeadLetterRecord minimal() {
        return new ConsumedRecord(new DeadLetterRecord.Source("commentary.enriched", 0, 7L, Optional.empty()), "x")
                .deadLetter(new DeadLetterRecord.Cause("malformed_json", "not JSON"), Optional.empty(), FAILED_AT);
    }

    @Test
    void theDeadLetterIsKeyedByTheDocumentIdElseByTheInputKey() {
        DeadLetterRecord.Source keyed = new DeadLetterRecord.Source("commentary.enriched", 0, 1L, Optional.of("input-key"));
        DeadLetterRecord.Cause cause = new DeadLetterRecord.Cause("malformed_json", "not JSON");
        assertEquals(Optional.of("doc-id"), DeadLetterRecord.of(cause, keyed, Optional.of("doc-id"), "x", FAILED_AT).kafkaKey());
        assertEquals(Optional.of("input-key"), DeadLetterRecord.of(cause, keyed, Optional.empty(), "x", FAILED_AT).kafkaKey());
    }
}
