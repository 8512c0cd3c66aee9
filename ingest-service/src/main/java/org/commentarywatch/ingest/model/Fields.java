package org.commentarywatch.ingest.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what Jackson hands the record constructors (null for an absent field, "" from a form left empty)
 * into values without nulls, so that nothing past the constructors has to check.
 */
final class Fields {

    private Fields() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** Blank counts as absent: an empty form field means "not given", not "given as nothing". */
    static Optional<String> optional(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim).filter(s -> !s.isEmpty());
    }

    static <T> Optional<T> optionalObject(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    /** Names trimmed; empty entries dropped (the contracts require non-empty names). */
    static List<String> names(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
