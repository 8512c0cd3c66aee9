package org.commentarywatch.search.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What goes to {@code commentary.dlq} when a record cannot be indexed: enough for a person to see why and to
 * replay the payload. Shape fixed by {@code deploy/schemas/dlq-record.schema.json}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record DeadLetterRecord(int schemaVersion, String stage, String service, Cause cause, Source source,
                               Optional<String> documentId, String payload, String payloadEncoding, Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String STAGE = "index";
    public static final String SERVICE = "search-service";
    public static final String UTF_8 = "utf-8";

    public DeadLetterRecord {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    /** A record of this stage; the payload is the Kafka value as it was read. */
    public static DeadLetterRecord of(Cause cause, Source source, Optional<String> documentId, String payload,
                                      Instant failedAt) {
        return new DeadLetterRecord(SCHEMA_VERSION, STAGE, SERVICE, cause, source, documentId, payload, UTF_8, failedAt);
    }

    /** The key to write it under: the document's, else the input record's, so both land beside their history. */
    public Optional<String> kafkaKey() {
        return documentId.or(source::key);
    }

    /**
     * @param type    short machine-readable kind, e.g. {@code malformed_json}, {@code mapping_rejected}
     * @param message what a person needs to act on it, including Elasticsearch's reason when it gave one
     */
    public record Cause(String type, String message) {
        public Cause {
            Objects.requireNonNull(type, "type");
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("a dead-letter cause needs a message");
            }
        }
    }

    /** The Kafka record the payload came from. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Source(String topic, int partition, long offset, Optional<String> key) {
        public Source {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(key, "key");
        }
    }
}
