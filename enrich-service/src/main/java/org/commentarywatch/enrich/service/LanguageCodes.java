package org.commentarywatch.enrich.service;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.regex.Pattern;

/** ISO 639 codes as the contract wants them: the two-letter code where one exists, else the three-letter one. */
public final class LanguageCodes {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    /**
     * Three-letter codes to two-letter ones. The JDK knows the pairs for whole languages; the detection model
     * also reports individual languages of a macrolanguage (Mandarin for Chinese, Iranian Persian for Persian,
     * ...), which have no two-letter code of their own: those are reported under their macrolanguage's code,
     * which is what a reader filtering on "zh" or "fa" expects.
     */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private LanguageCodes() {
    }

    /** The two-letter form of an ISO 639-2/3 code where one exists; the code itself otherwise. */
    public static String shortest(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        return TWO_LETTER.getOrDefault(lower, lower);
    }

    /**
     * A caller's language tag in contract form: "en", "eng", "en-GB" and "EN" all become "en". Empty when the
     * tag names no language, "und" included: a caller who does not know should leave the language out.
     */
    public static Optional<String> normalize(String tag) {
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return CODE.matcher(language).matches() ? Optional.of(shortest(language)) : Optional.empty();
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                codes.putIfAbsent(Locale.forLanguageTag(twoLetter).getISO3Language(), twoLetter);
            } catch (MissingResourceException noThreeLetterCode) {
                // Nothing to map from.
            }
        }
        codes.putAll(Map.of(
                "cmn", "zh", // Mandarin
                "pes", "fa", // Iranian Persian
                "lvs", "lv", // Standard Latvian
                "ekk", "et", // Standard Estonian
                "plt", "mg", // Plateau Malagasy
                "zsm", "ms", // Standard Malay
                "arb", "ar", // Standard Arabic
                "swh", "sw", // Swahili (individual language)
                "uzn", "uz", // Northern Uzbek
                "azj", "az")); // North Azerbaijani
        return Map.copyOf(codes);
    }
}
