package org.commentarywatch.enrich.service;

import java.util.Locale;

/**
 * A language for a text and how clearly the text points to it.
 *
 * @param code ISO 639-1 where one exists, else ISO 639-3; {@link #UNDETERMINED} when the text does not say
 * @param confidence 0..1, rounded to three decimals
 */
public record LanguageGuess(String code, double confidence) {

    public static final String UNDETERMINED = "und";

    public LanguageGuess {
        confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }

    /** The text does not say clearly enough; {@code confidence} is the score of the best candidate that was refused. */
    public static LanguageGuess undetermined(double confidence) {
        return new LanguageGuess(UNDETERMINED, confidence);
    }

    /** A language the caller vouches for. */
    public static LanguageGuess declared(String code) {
        return new LanguageGuess(code, 1.0);
    }

    public boolean determined() {
        return !UNDETERMINED.equals(code);
    }

    /** For locale-sensitive text processing; the root locale when undetermined. */
    public Locale locale() {
        return determined() ? Locale.forLanguageTag(code) : Locale.ROOT;
    }
}
