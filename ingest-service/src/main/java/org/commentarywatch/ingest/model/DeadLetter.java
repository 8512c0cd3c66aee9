package org.commentarywatch.ingest.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A record on {@code commentary.dlq} ({@code dlq-record.schema.json}): an input this service could not turn into a
 * document without a caller to answer (a feed item whose page could not be fetched or read, a feed that could not be
 * fetched or parsed, a file of the drop folder that was refused), with the cause, the source and the original
 * payload, so that it can be inspected and replayed.
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
    /**
     * Most of an original kept in a dead letter: a whole feed or article fits, and even as base64 the record stays far
     * below Kafka's 1 MB message limit. A longer original is cut, and the cause's message says so.
     */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;

    /** A dead letter of this stage for a text payload (a feed item as JSON) that came from {@code url}. */
    public static DeadLetter ofUrl(String type, String message, String url, Optional<String> documentId,
            String payload, Instant failedAt) {
        return new DeadLetter(1, STAGE, SERVICE, new Cause(type, message), Source.url(url), documentId,
                payload, "utf-8", failedAt);
    }

    /**
     * A whole input that failed: a feed's body (empty when none was received) or a dropped file.
     *
     * @param content the original's bytes, or its first bytes when it is longer
     * @param size the original's length in bytes
     */
    public static DeadLetter ofContent(String type, String message, Source source, byte[] content, long size,
            Instant failedAt) {
        byte[] kept = content.length > MAX_PAYLOAD_BYTES ? Arrays.copyOf(content, MAX_PAYLOAD_BYTES) : content;
        String cut = kept.length < size ? " (payload: the first " + kept.length + " of " + size + " bytes)" : "";
        Optional<String> text = utf8(kept, kept.length < size);
        return new DeadLetter(1, STAGE, SERVICE, new Cause(type, message + cut), source, Optional.empty(),
                text.orElseGet(() -> Base64.getEncoder().encodeToString(kept)), text.isPresent() ? "utf-8" : "base64",
                failedAt);
    }

    /** The bytes as text when they are UTF-8 (a cut original may end inside a character: that one is dropped). */
    private static Optional<String> utf8(byte[] bytes, boolean cut) {
        for (int drop = 0; drop <= (cut ? 3 : 0) && drop <= bytes.length; drop++) {
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, bytes.length - drop)).toString());
            } catch (CharacterCodingException e) {
                // binary (a PDF), or a character cut in two: try without the last byte
            }
        }
        return Optional.empty();
    }

    public record Cause(String type, String message) {
    }

    /** Where the payload came from: a URL (feed, page) or a file of the drop folder. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Source(Optional<String> url, Optional<String> file) {

        public static Source url(String url) {
            return new Source(Optional.of(url), Optional.empty());
        }

        public static Source file(String name) {
            return new Source(Optional.empty(), Optional.of(name));
        }
    }
}
