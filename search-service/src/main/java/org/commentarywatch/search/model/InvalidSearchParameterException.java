package org.commentarywatch.search.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller asked for something the API does not serve (answered with 400), naming the parameter at fault when
 * there is one and, for a query that does not parse, the 0-based offset where parsing stopped.
 */
public class InvalidSearchParameterException extends IllegalArgumentException {

    private final Optional<String> parameter;
    private final Optional<Integer> position;

    public InvalidSearchParameterException(String message) {
        super(message);
        this.parameter = Optional.empty();
        this.position = Optional.empty();
    }

    public InvalidSearchParameterException(String parameter, String problem) {
        this(parameter, problem, Optional.empty());
    }

    public InvalidSearchParameterException(String parameter, String problem, Optional<Integer> position) {
        super(parameter + ": " + problem);
        this.parameter = Optional.of(parameter);
        this.position = Objects.requireNonNull(position, "position");
    }

    public Optional<String> parameter() {
        return parameter;
    }

    public Optional<Integer> position() {
        return position;
    }
}
