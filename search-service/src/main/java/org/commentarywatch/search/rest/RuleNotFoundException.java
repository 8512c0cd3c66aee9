package org.commentarywatch.search.rest;

/** Answered with 404. */
public class RuleNotFoundException extends RuntimeException {
    public RuleNotFoundException(String what) {
        super(what);
    }
}
