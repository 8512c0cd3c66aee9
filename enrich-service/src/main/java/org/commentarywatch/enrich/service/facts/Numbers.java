package org.commentarywatch.enrich.service.facts;

import java.util.Locale;
import java.util.Map;

/** Numbers as commentary writes them: 1,000 and 1 000 (thousands), 117.5 and 117,5 (decimals), and scale words. */
final class Numbers {

    /** A number: thousands grouped by commas or spaces, or a plain number with a decimal point or comma. */
    static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?)";

    /** Scale words after a number, English and Russian (Chinese scales are handled apart: 万, 亿, 万亿). */
    static final String SCALE = "(?:trillions?|tn|trn|billions?|bn|b|millions?|mn|mln|m|thousands?|k"
            + "|трлн\\.?|триллион\\p{L}*|млрд\\.?|миллиард\\p{L}*|млн\\.?|миллион\\p{L}*|тыс\\.?|тысяч\\p{L}*)(?![\\p{L}\\d])";

    static final String CJK_SCALE = "(?:万亿|萬億|亿|億|万|萬|千)";

    private static final Map<String, Double> CJK_SCALES = Map.of("万亿", 1e12, "萬億", 1e12, "亿", 1e8, "億", 1e8,
            "万", 1e4, "萬", 1e4, "千", 1e3);

    private Numbers() {
    }

    static double parse(String written) {
        String s = written.replaceAll("[ \\u00A0\\u202F]", "");
        if (s.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            s = s.replace(",", "");
        } else {
            s = s.replace(',', '.');
        }
        return Double.parseDouble(s);
    }

    /** The multiplier of a scale word, 1 when there is none. */
    static double scale(String word) {
        if (word == null || word.isBlank()) {
            return 1;
        }
        String w = word.toLowerCase(Locale.ROOT).strip();
        Double cjk = CJK_SCALES.get(w);
        if (cjk != null) {
            return cjk;
        }
        if (w.startsWith("tr") || w.equals("tn") || w.startsWith("трлн") || w.startsWith("триллион")) {
            return 1e12;
        }
        if (w.startsWith("b") || w.startsWith("млрд") || w.startsWith("миллиард")) {
            return 1e9;
        }
        if (w.startsWith("m") || w.startsWith("млн") || w.startsWith("миллион")) {
            return 1e6;
        }
        if (w.startsWith("k") || w.startsWith("th") || w.startsWith("тыс")) {
            return 1e3;
        }
        return 1;
    }
}
