package org.commentarywatch.search.service;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.DeadLetterRecord;
import org.commentarywatch.search.model.IncomingDocument;

/**
 * Turns a Kafka value into a document to index, or says why it cannot be one. Deliberately tolerant: only what
 * indexing itself needs (a JSON object with an id) is checked here; whether the fields fit the mapping is for
 * Elasticsearch to say, with its own reason.
 */
public final class DocumentParser {

    private static final ObjectReader READER = JsonMapper.builder()
            // Elasticsearch refuses duplicate keys; re-serialising would silently keep the last one instead.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers reach _source as they were written, not as the nearest double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build()
            .reader();

    /** The outcome of reading one record. */
    public sealed interface Parsed permits Document, Unreadable {
    }

    public record Document(IncomingDocument document) implements Parsed {
        public Document {
            Objects.requireNonNull(document, "document");
        }
    }

    /** Unreadable records have no id we could trust; the Kafka key, if any, travels in the dead letter's source. */
    public record Unreadable(DeadLetterRecord.Cause cause) implements Parsed {
        public Unreadable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    public Parsed parse(String payload) {
        if (payload.isBlank()) {
            return unreadable("empty_record", "the record has no value to index");
        }
        JsonNode tree;
        try {
            tree = READER.readTree(payload);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return unreadable("malformed_json", "the value is not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (!(tree instanceof ObjectNode object)) {
            return unreadable("malformed_json", "the value is JSON but not an object: " + tree.getNodeType());
        }
        JsonNode id = object.path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
            return unreadable("missing_id", "the document has no id (a non-blank string) to index it under");
        }
        return new Document(new IncomingDocument(id.asText(), object));
    }

    private static Unreadable unreadable(String type, String message) {
        return new Unreadable(new DeadLetterRecord.Cause(type, message));
    }
}
