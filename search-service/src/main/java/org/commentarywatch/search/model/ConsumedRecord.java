package org.commentarywatch.search.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A Kafka record as this stage received it: where it came from and its value, verbatim. */
public record ConsumedRecord(DeadLetterRecord.Source source, String payload) {

    public ConsumedRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    /** The dead letter for this record, carrying its payload unchanged so that it can be replayed. */
    public DeadLetterRecord deadLetter(DeadLetterRecord.Cause cause, Optional<String> documentId, Instant failedAt) {
        return DeadLetterRecord.of(cause, source, documentId, payload, failedAt);
    }
}
