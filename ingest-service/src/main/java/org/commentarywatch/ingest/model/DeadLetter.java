package org.commentarywatch.ingest.model;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A record on {@code commentary.dlq} ({@code dlq-record.schema.json}): an input this service could not turn into a
 * document without a caller to answer (a feed item whose page could not be fetched or read), with the cause and the
 * original payload verbatim, so that it can be inspected and replayed.
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

    public static final String STAGE = "ingest";
    public static final String SERVICE = "ingest-service";

    /** A dead letter of this stage for a text payload (a feed item as JSON) that came from {@code url}. */
    public static DeadLetter ofUrl(String type, String message, String url, Optional<String> documentId,
            String payload, Instant failedAt) {
        return new DeadLetter(1, STAGE, SERVICE, new Cause(type, message), new Source(Optional.of(url)), documentId,
                payload, "utf-8", failedAt);
    }

    public record Cause(String type, String message) {
    }

    /** Where the payload came from; for this service a URL (a Kafka record never failed here). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Source(Optional<String> url) {
    }
}
