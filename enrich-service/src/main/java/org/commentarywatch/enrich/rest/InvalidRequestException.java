package org.commentarywatch.enrich.rest;

/** A request the API refuses with 400 and an {@link org.commentarywatch.enrich.model.ErrorResponse}. */
public class InvalidRequestException extends RuntimeException {

    private final String error;

    public InvalidRequestException(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
