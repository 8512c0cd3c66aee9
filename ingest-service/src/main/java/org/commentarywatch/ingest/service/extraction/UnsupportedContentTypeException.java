package org.commentarywatch.ingest.service.extraction;

/** A document of a type the service cannot extract text from (HTTP 415). */
public class UnsupportedContentTypeException extends RuntimeException {

    public UnsupportedContentTypeException(String message) {
        super(message, null, false, false);
    }
}
