package org.commentarywatch.enrich.service.themes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list of terms compiled into one pattern. How a term is written says how it matches:
 * <ul>
 * <li>{@code *} stands for the rest of a word ({@code sanction*}, {@code санкци*}); {@code ..} for a gap of up to
 * four words ({@code ties .. closer}).</li>
 * <li>A term in capitals ({@code NATO}, {@code US}) matches only in capitals; one with an initial capital
 * ({@code Kazakh*}) needs the capital; one in lower case matches in any case.</li>
 * <li>Latin and Cyrillic terms match whole words; Chinese and Japanese terms match anywhere.</li>
 * </ul>
 * Texts are read through {@link #normalise(String)}, which keeps offsets (ё → е, typographic apostrophes → ').
 * Thread-safe.
 */
public final class Lexicon {

    /** One match: the offsets into the text and the term that matched. */
    public record Hit(int start, int end, String text) {
    }

    /** Candidate terms by the lower-cased first one or two characters of their literal beginning. */
    private final Map<String, List<Pattern>> byKey = new HashMap<>();
    private final int size;

    public Lexicon(List<String> terms) {
        List<String> distinct = terms.stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(Lexicon::normalise).distinct().toList();
        this.size = distinct.size();
        for (String term : distinct) {
            byKey.computeIfAbsent(key(term), k -> new ArrayList<>()).add(Pattern.compile(compile(term)));
        }
    }

    public int size() {
        return size;
    }

    /**
     * Every non-overlapping match on a text already {@link #normalise(String) normalised}: leftmost first, the
     * longest at each place. Only the terms whose first characters are there are tried, so the cost grows with the
     * text, not with the number of terms.
     */
    public List<Hit> find(String normalisedText) {
        List<Hit> hits = new ArrayList<>();
        if (byKey.isEmpty()) {
            return hits;
        }
        int length = normalisedText.length();
        int i = 0;
        while (i < length) {
            char c = normalisedText.charAt(i);
            boolean cjk = isCjk(c);
            boolean wordStart = Character.isLetterOrDigit(c) && (i == 0 || !isWordPart(normalisedText.charAt(i - 1)));
            if (!cjk && !wordStart) {
                i++;
                continue;
            }
            int best = -1;
            String one = String.valueOf(Character.toLowerCase(c));
            String two = i + 1 < length ? one + Character.toLowerCase(normalisedText.charAt(i + 1)) : null;
            best = Math.max(best, longest(byKey.get(one), normalisedText, i));
            if (two != null) {
                best = Math.max(best, longest(byKey.get(two), normalisedText, i));
            }
            if (best > i) {
                hits.add(new Hit(i, best, normalisedText.substring(i, best)));
                i = best;
            } else {
                i++;
            }
        }
        return hits;
    }

    private static int longest(List<Pattern> candidates, String text, int at) {
        int best = -1;
        if (candidates == null) {
            return best;
        }
        for (Pattern pattern : candidates) {
            Matcher matcher = pattern.matcher(text);
            matcher.region(at, text.length());
            matcher.useTransparentBounds(true);
            matcher.useAnchoringBounds(false);
            if (matcher.lookingAt() && matcher.end() > best) {
                best = matcher.end();
            }
        }
        return best;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** The lower-cased first two characters of the term's literal beginning (one when it has only one). */
    private static String key(String term) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < term.length() && key.length() < 2; i++) {
            char c = term.charAt(i);
            if (c == '*' || Character.isWhitespace(c) || c == '.' && term.startsWith("..", i)) {
                break;
            }
            key.append(Character.toLowerCase(c));
        }
        return key.toString();
    }

    /** Same length as the input, so that offsets carry over. */
    public static String normalise(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            switch (chars[i]) {
                case 'ё' -> chars[i] = 'е';
                case 'Ё' -> chars[i] = 'Е';
                case '\u2019', '\u2018', '\u02bc' -> chars[i] = '\'';
                case '\u2010', '\u2011' -> chars[i] = '-';
                case '\u00a0' -> chars[i] = ' ';
                default -> {
                }
            }
        }
        return new String(chars);
    }

    private static String compile(String term) {
        String[] words = term.split("\\s+");
        StringBuilder body = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (word.equals("..")) {
                body.append("(?:[^\\s.;:!?]+\\s+){0,4}?");
                continue;
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c == '*') {
                    body.append("[\\p{L}\\p{M}]*");
                } else {
                    body.append(Pattern.quote(String.valueOf(c)));
                }
            }
            if (w < words.length - 1) {
                body.append("\\s+");
            }
        }
        String first = words[0];
        String last = words[words.length - 1];
        boolean cjk = isCjk(first.charAt(0)) && isCjk(last.charAt(last.length() - 1));
        String letters = term.replaceAll("[^\\p{L}]", "");
        boolean allCaps = letters.length() >= 2 && letters.equals(letters.toUpperCase()) && !cjk
                && !letters.equals(letters.toLowerCase());
        boolean initialCapital = !allCaps && Character.isUpperCase(first.charAt(0));
        StringBuilder regex = new StringBuilder("(?:");
        if (!cjk && isWordChar(first.charAt(0))) {
            regex.append("(?<![\\p{L}\\p{N}\\p{M}])");
        }
        if (allCaps || cjk) {
            regex.append(body);
        } else if (initialCapital) {
            // the capital literally, the rest in any case
            String rest = body.substring(body.indexOf("\\E") + 2);
            regex.append(body, 0, body.indexOf("\\E") + 2).append("(?iu:").append(rest).append(')');
        } else {
            regex.append("(?iu:").append(body).append(')');
        }
        char end = last.charAt(last.length() - 1);
        if (!cjk && (isWordChar(end) || end == '*')) {
            regex.append("(?![\\p{L}\\p{N}\\p{M}])");
        }
        return regex.append(')').toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
