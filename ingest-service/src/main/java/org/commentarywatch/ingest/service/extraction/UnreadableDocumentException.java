package org.commentarywatch.ingest.service.extraction;

/**
 * A document of a supported type that cannot be read: a corrupt or encrypted PDF, one over the page or time limit,
 * a document without any text. {@link #kind()} names the reason for machines (HTTP 422, later DLQ causes).
 */
public class UnreadableDocumentException extends RuntimeException {

    private final String kind;

    public UnreadableDocumentException(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
