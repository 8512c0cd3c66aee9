package org.commentarywatch.ingest.service;

/**
 * A submission that cannot become a document, with a reason a person can act on. {@link #kind()} names it for
 * machines; the same kinds serve as DLQ causes once feeds and files are ingested without a caller to answer.
 */
public class InvalidDocumentException extends RuntimeException {

    private final String kind;

    public InvalidDocumentException(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
