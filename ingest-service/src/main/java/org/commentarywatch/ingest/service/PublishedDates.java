package org.commentarywatch.ingest.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Publication dates are often known only to the year or the month (a report "of March 2022"), so all four
 * precisions are kept as given rather than padded into a false day.
 */
public final class PublishedDates {

    /** The schema's {@code partialDate} pattern: what downstream readers rely on. */
    private static final Pattern SHAPE = Pattern
            .compile("^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?)?)?$");

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private PublishedDates() {
    }

    /**
     * @return the date as given, once it is known to be a real year, month, day or date-time
     * @throws InvalidDocumentException naming the value otherwise
     */
    public static String validate(String published) {
        if (!SHAPE.matcher(published).matches() || !isRealDate(published)) {
            throw new InvalidDocumentException("invalid_published", "published must be yyyy, yyyy-MM, yyyy-MM-dd "
                    + "or an ISO-8601 date-time such as 2024-03-05T10:15:00Z, not '" + published + "'");
        }
        return published;
    }

    private static boolean isRealDate(String value) {
        try {
            switch (value.length()) {
                case 4 -> Year.parse(value);
                case 7 -> YearMonth.parse(value);
                case 10 -> LocalDate.parse(value);
                default -> {
                    TemporalAccessor parsed = DATE_TIME.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
                    return parsed != null;
                }
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
