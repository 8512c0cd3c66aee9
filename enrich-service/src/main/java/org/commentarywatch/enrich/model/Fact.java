package org.commentarywatch.enrich.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A hard fact stated in the text: an item of {@code enrichment.facts}.
 *
 * @param kind money, percent, date, year, quantity or quote
 * @param text the words as written
 * @param start offset of the first character in the text
 * @param end offset after the last character
 * @param value the number in plain units (money in units of the currency, 1.2 billion = 1.2e9; percent as written)
 * @param currency ISO 4217 code of a money amount
 * @param unit unit of a quantity (m3, km, t, bbl, ...)
 * @param normalized ISO 8601 form of a date or year
 * @param speaker who a quotation is attributed to, when the text says so nearby
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fact(
        String kind,
        String text,
        int start,
        int end,
        Double value,
        String currency,
        String unit,
        String normalized,
        String speaker) {

    public static Fact of(String kind, String text, int start, int end) {
        return new Fact(kind, text, start, end, null, null, null, null, null);
    }

    public Fact withValue(Double newValue) {
        return new Fact(kind, text, start, end, newValue, currency, unit, normalized, speaker);
    }

    public Fact withCurrency(String newCurrency) {
        return new Fact(kind, text, start, end, value, newCurrency, unit, normalized, speaker);
    }

    public Fact withUnit(String newUnit) {
        return new Fact(kind, text, start, end, value, currency, newUnit, normalized, speaker);
    }

    public Fact withNormalized(String newNormalized) {
        return new Fact(kind, text, start, end, value, currency, unit, newNormalized, speaker);
    }

    public Fact withSpeaker(String newSpeaker) {
        return new Fact(kind, text, start, end, value, currency, unit, normalized, newSpeaker);
    }
}
