package org.commentarywatch.enrich.model;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A record on {@code commentary.dlq} ({@code dlq-record.schema.json}): a Kafka record this stage could not
 * process, with the cause and the original value verbatim so that it can be inspected and replayed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record DeadLetter(
        int schemaVersion,
        String stage,
        String service,
        Cause cause,
        Source source,
        Optional<String> documentId,
        String payload,
        String payloadEncoding,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant failedAt) {

    public static final String STAGE = "enrich";
    public static final String SERVICE = "enrich-service";

    /** A dead letter of this stage for a record whose value was text (the consumer reads values as UTF-8). */
    public static DeadLetter of(FailureType type, String message, Source source, Optional<String> documentId,
            String payload, Instant failedAt) {
        return new DeadLetter(1, STAGE, SERVICE, new Cause(type, message), source, documentId, payload, "utf-8",
                failedAt);
    }

    public record Cause(FailureType type, String message) {
    }

    /** Where the record was read. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Source(String topic, int partition, long offset, Optional<String> key) {
    }
}
