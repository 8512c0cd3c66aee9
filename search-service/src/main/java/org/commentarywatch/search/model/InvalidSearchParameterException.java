package org.commentarywatch.search.model;

/** The caller asked for something the search API does not serve (answered with 400). */
public class InvalidSearchParameterException extends IllegalArgumentException {
    public InvalidSearchParameterException(String message) {
        super(message);
    }
}
