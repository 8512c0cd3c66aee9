package org.commentarywatch.search.rest;

/** Answered with 404. */
public class DocumentNotFoundException extends RuntimeException {
    public DocumentNotFoundException(String id) {
        super("no document with id " + id);
    }
}
