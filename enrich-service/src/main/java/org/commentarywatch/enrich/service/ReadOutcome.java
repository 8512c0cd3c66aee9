package org.commentarywatch.enrich.service;

import java.util.Optional;

import org.commentarywatch.enrich.model.FailureType;
import org.commentarywatch.enrich.model.RawDocument;

/** What reading a record of {@code commentary.raw} gave: a document to enrich, or the reason there is none. */
public sealed interface ReadOutcome {

    record Readable(RawDocument document) implements ReadOutcome {
    }

    /** @param documentId the id, when the record got far enough to have one */
    record Unreadable(FailureType type, String message, Optional<String> documentId) implements ReadOutcome {
    }
}
