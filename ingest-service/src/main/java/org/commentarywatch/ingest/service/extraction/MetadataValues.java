package org.commentarywatch.ingest.service.extraction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metadata as documents write it, brought into the shapes of the raw-document contract. Never throws. */
final class MetadataValues {

    private static final Pattern PARTIAL = Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?$");
    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)"
            + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private MetadataValues() {
    }

    /** A publication date as the contract wants it (yyyy, yyyy-MM, yyyy-MM-dd or ISO date-time), if it is one. */
    static Optional<String> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            if (PARTIAL.matcher(v).matches()) {
                if (v.length() == 10) {
                    LocalDate.parse(v);
                }
                return Optional.of(v);
            }
            Matcher iso = ISO_PREFIX.matcher(v);
            if (iso.find()) {
                LocalDate.parse(iso.group(1));
                String zone = iso.group(5) == null ? "" : iso.group(5);
                return Optional.of(iso.group(1) + "T" + iso.group(2) + zone);
            }
            try {
                return Optional.of(OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toString());
            } catch (DateTimeParseException ignored) {
                // other shapes below
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(v);
            if (dmy.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(dmy.group(3)), month(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))).toString());
            }
            Matcher mdy = MONTH_DAY_YEAR.matcher(v);
            if (mdy.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(mdy.group(3)), month(mdy.group(1)),
                        Integer.parseInt(mdy.group(2))).toString());
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** PDF dates ("D:20240305101500+01'00'") arrive as Calendars; this takes the date part. */
    static Optional<String> date(java.util.Calendar calendar) {
        if (calendar == null) {
            return Optional.empty();
        }
        ZonedDateTime time = calendar.toInstant().atZone(calendar.getTimeZone().toZoneId());
        return Optional.of(time.toLocalDate().toString());
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    /** Names from "By A. Writer and B. Editor", "A; B", "A, B & C"; URLs (profile links) are not names. */
    static List<String> names(List<String> values) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            String v = value.strip().replaceFirst("(?i)^(?:written\\s+)?by\\s+", "");
            if (v.isEmpty() || v.matches("(?i)^https?://.*")) {
                continue;
            }
            for (String part : v.split("\\s*(?:;|&|\\band\\b|\\|)\\s*|,\\s*(?=\\S+\\s+\\S)")) {
                String name = part.strip().replaceAll("\\s+", " ");
                if (!name.isEmpty() && name.length() <= 100 && name.matches(".*\\p{L}.*")) {
                    names.add(name);
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** "en_GB", "en-gb" and "English" hints as BCP 47 tags where they are tags. */
    static Optional<String> language(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip().replace('_', '-');
        if (!v.matches("(?i)^[a-z]{2,3}(-[a-z0-9]{2,8})*$")) {
            return Optional.empty();
        }
        return Optional.of(Locale.forLanguageTag(v).toLanguageTag());
    }

    @SafeVarargs
    static <T> Optional<T> first(Optional<T>... candidates) {
        for (Optional<T> candidate : candidates) {
            if (candidate.isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }
}
