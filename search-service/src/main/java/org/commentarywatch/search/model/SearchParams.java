package org.commentarywatch.search.model;

import java.util.Optional;

/**
 * A validated search request: page bounds are checked here, once, so that everything after can trust them.
 *
 * @param query empty for "everything, newest first"
 */
public record SearchParams(Optional<String> query, int size, int from) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default {@code index.max_result_window}: deeper pages are refused by the node anyway. */
    public static final int MAX_WINDOW = 10_000;

    public SearchParams {
        query = query.map(String::strip).filter(q -> !q.isEmpty());
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchParameterException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (from < 0) {
            throw new InvalidSearchParameterException("from must not be negative, was " + from);
        }
        if ((long) from + size > MAX_WINDOW) {
            throw new InvalidSearchParameterException(
                    "from + size must not exceed " + MAX_WINDOW + ", was " + ((long) from + size));
        }
    }

    /** From the raw query parameters as HTTP delivered them, any of which may be missing. */
    public static SearchParams parse(Optional<String> query, Optional<String> size, Optional<String> from) {
        return new SearchParams(query, integer("size", size, DEFAULT_SIZE), integer("from", from, 0));
    }

    private static int integer(String name, Optional<String> raw, int fallback) {
        Optional<String> value = raw.map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameterException(name + " must be an integer, was '" + value.get() + "'");
        }
    }
}
