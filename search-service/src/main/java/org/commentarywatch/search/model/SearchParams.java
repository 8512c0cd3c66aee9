package org.commentarywatch.search.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated search request: every parameter is checked here, once, and a bad one is refused naming it, so
 * that everything after can trust them. Filters given more than once ({@code stance=a&stance=b}) match any of
 * their values; different filters must all match.
 *
 * @param query     Lucene query-string syntax, already checked by {@code SearchQueries}; empty for everything
 * @param actors    ids or names of actors, exactly as enrichment writes them
 * @param from      earliest {@code published} time, inclusive
 * @param until     latest {@code published} time, exclusive (a {@code to} date means up to the end of that day)
 * @param page      1-based
 */
public record SearchParams(Optional<String> query, List<String> stances, List<String> themes, List<String> actors,
                           List<String> languages, List<String> sources, Optional<Instant> from, Optional<Instant> until,
                           Optional<Boolean> reference, int page, int size, SearchSort sort) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Elasticsearch's default {@code index.max_result_window}: deeper pages are refused by the node anyway. */
    public static final int MAX_WINDOW = 10_000;
    /** The values enrich-service writes (deploy/schemas/enriched-document.schema.json; a test keeps them in step). */
    public static final Set<String> STANCES = Set.of("convergence", "divergence", "neutral", "off_topic");
    public static final Set<String> THEMES = Set.of("energy", "military", "sanctions_economy", "ukraine", "taiwan",
            "nato_expansion", "us_indo_pacific", "world_order_ideology", "un_diplomacy", "technology", "central_asia",
            "history", "regime_security", "trade_finance");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}|und");
    private static final int MAX_VALUES = 50;

    public SearchParams {
        query = query.map(String::strip).filter(q -> !q.isEmpty());
        stances = List.copyOf(stances);
        themes = List.copyOf(themes);
        actors = List.copyOf(actors);
        languages = List.copyOf(languages);
        sources = List.copyOf(sources);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(sort, "sort");
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidSearchParameterException("size", "must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (page < 1) {
            throw new InvalidSearchParameterException("page", "must be 1 or more, was " + page);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new InvalidSearchParameterException("page",
                    "page × size must not exceed " + MAX_WINDOW + ", was " + ((long) page * size));
        }
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new InvalidSearchParameterException("from", "must be before to (from " + from.get() + ", to " + until.get() + ")");
        }
    }

    /** Hits to skip: the pages before this one. */
    public int offset() {
        return (page - 1) * size;
    }

    /** From the query parameters as HTTP delivered them (each possibly repeated or missing). */
    public static SearchParams parse(Map<String, List<String>> parameters) {
        Values values = new Values(parameters);
        Optional<String> query = values.single("q");
        List<String> stances = values.all("stance");
        stances.stream().filter(s -> !STANCES.contains(s)).findFirst().ifPresent(bad -> {
            throw new InvalidSearchParameterException("stance", "unknown stance '" + bad + "'; one of " + sorted(STANCES));
        });
        List<String> themes = values.all("theme");
        themes.stream().filter(t -> !THEMES.contains(t)).findFirst().ifPresent(bad -> {
            throw new InvalidSearchParameterException("theme", "unknown theme '" + bad + "'; one of " + sorted(THEMES));
        });
        List<String> languages = values.all("language");
        languages.stream().filter(l -> !LANGUAGE.matcher(l).matches()).findFirst().ifPresent(bad -> {
            throw new InvalidSearchParameterException("language",
                    "must be an ISO 639 code in lower case (en, ru, zh, ...) or und, was '" + bad + "'");
        });
        Optional<String> sortName = values.single("sort");
        SearchSort sort = sortName.map(name -> SearchSort.of(name).orElseThrow(() -> new InvalidSearchParameterException(
                        "sort", "unknown order '" + name + "'; one of " + SearchSort.names())))
                .orElse(query.isPresent() ? SearchSort.RELEVANCE : SearchSort.INGESTED_DESC);
        return new SearchParams(query, stances, themes, values.all("actor"), languages, values.all("source"),
                values.single("from").map(v -> time("from", v, false)),
                values.single("to").map(v -> time("to", v, true)),
                values.single("reference").map(SearchParams::bool),
                values.single("page").map(v -> integer("page", v)).orElse(1),
                values.single("size").map(v -> integer("size", v)).orElse(DEFAULT_SIZE),
                sort);
    }

    /** A date ({@code 2026-10-14}, the whole day) or a date-time with its offset ({@code 2026-10-14T08:00:00Z}). */
    private static Instant time(String name, String value, boolean upperBound) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant instant = OffsetDateTime.parse(value).toInstant();
            // Elasticsearch keeps milliseconds: one past the given time makes the exclusive bound inclusive.
            return upperBound ? instant.plusMillis(1) : instant;
        } catch (DateTimeParseException e) {
            throw new InvalidSearchParameterException(name,
                    "must be a date (2026-10-14) or a date-time with offset (2026-10-14T08:00:00Z), was '" + value + "'");
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSearchParameterException("reference", "must be true or false, was '" + value + "'");
        };
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameterException(name, "must be an integer, was '" + value + "'");
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** Parameter values stripped, empty ones dropped (an empty {@code stance=} filters nothing). */
    private record Values(Map<String, List<String>> parameters) {

        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            for (String value : parameters.getOrDefault(name, List.of())) {
                if (value != null && !value.isBlank()) {
                    values.add(value.strip());
                }
            }
            if (values.size() > MAX_VALUES) {
                throw new InvalidSearchParameterException(name, "at most " + MAX_VALUES + " values, was " + values.size());
            }
            return values;
        }

        Optional<String> single(String name) {
            List<String> values = all(name);
            if (values.size() > 1) {
                throw new InvalidSearchParameterException(name, "must be given once, was given " + values.size() + " times");
            }
            return values.stream().findFirst();
        }
    }
}
