package org.commentarywatch.search.model;

import java.util.Optional;

/** A rule that cannot be saved: answered with 400, saying which field and, for a query, where in it. */
public class InvalidRuleException extends RuntimeException {

    private final String field;
    private final Optional<Integer> position;

    public InvalidRuleException(String field, String message) {
        this(field, message, Optional.empty());
    }

    public InvalidRuleException(String field, String message, Optional<Integer> position) {
        super(message);
        this.field = field;
        this.position = position;
    }

    public String field() {
        return field;
    }

    /** Where in the query parsing failed: the character offset (0-based) that Lucene reports as its column. */
    public Optional<Integer> position() {
        return position;
    }
}
