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

    /**
     * A text read once for every lexicon that looks at it: the places where a term may start (word starts, CJK
     * characters) and the lower-cased first one and two characters there. A document is read by some sixty
     * lexicons; each of them then visits only these places.
     */
    public static final class Text {
        private final String text;
        private final int[] starts;
        private final int[] oneKeys;
        private final int[] twoKeys;

        private Text(String text, int[] starts, int[] oneKeys, int[] twoKeys) {
            this.text = text;
            this.starts = starts;
            this.oneKeys = oneKeys;
            this.twoKeys = twoKeys;
        }

        /** @param normalisedText a text already {@link #normalise(String) normalised} */
        public static Text of(String normalisedText) {
            int length = normalisedText.length();
            int[] starts = new int[Math.min(length, 16)];
            int count = 0;
            for (int i = 0; i < length; i++) {
                char c = normalisedText.charAt(i);
                boolean wordStart = Character.isLetterOrDigit(c) && (i == 0 || !isWordPart(normalisedText.charAt(i - 1)));
                if (wordStart || c >= FIRST_CJK && isCjk(c)) {
                    if (count == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, Math.min(length, count * 2));
                    }
                    starts[count++] = i;
                }
            }
            int[] oneKeys = new int[count];
            int[] twoKeys = new int[count];
            for (int n = 0; n < count; n++) {
                int i = starts[n];
                oneKeys[n] = Character.toLowerCase(normalisedText.charAt(i));
                // the last character has no second one: its key is never looked up (see find)
                twoKeys[n] = i + 1 < length ? twoKey(oneKeys[n], Character.toLowerCase(normalisedText.charAt(i + 1))) : 0;
            }
            return new Text(normalisedText, java.util.Arrays.copyOf(starts, count), oneKeys, twoKeys);
        }

        public String text() {
            return text;
        }
    }

    /** Below this no character belongs to a CJK script (Hangul Jamo start here): most text never asks further. */
    private static final char FIRST_CJK = '\u1100';

    /** Candidate terms by the lower-cased first character of their literal beginning, when that is all it has. */
    private final Map<Integer, Term[]> byOneKey = new HashMap<>();
    /** Candidate terms by the lower-cased first two characters of their literal beginning. */
    private final Map<Integer, Term[]> byTwoKey = new HashMap<>();
    private final int size;
    private final int patterns;

    /** @param index this pattern's place among the lexicon's, for a matcher per pattern and per text */
    private record Term(Pattern pattern, int index) {
    }

    public Lexicon(List<String> terms) {
        List<String> distinct = terms.stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(Lexicon::normalise).distinct().toList();
        this.size = distinct.size();
        Map<Integer, List<Term>> one = new HashMap<>();
        Map<Integer, List<Term>> two = new HashMap<>();
        int index = 0;
        for (String term : distinct) {
            String key = key(term);
            Term compiled = new Term(Pattern.compile(compile(term)), index++);
            if (key.length() == 1) {
                one.computeIfAbsent((int) key.charAt(0), k -> new ArrayList<>()).add(compiled);
            } else if (key.length() == 2) {
                two.computeIfAbsent(twoKey(key.charAt(0), key.charAt(1)), k -> new ArrayList<>()).add(compiled);
            }
            // a term without a literal beginning (one starting with * or ..) could start anywhere: never tried
        }
        one.forEach((k, list) -> byOneKey.put(k, list.toArray(Term[]::new)));
        two.forEach((k, list) -> byTwoKey.put(k, list.toArray(Term[]::new)));
        this.patterns = index;
    }

    private static int twoKey(int first, int second) {
        return first << 16 | second;
    }

    public int size() {
        return size;
    }

    /** {@link #find(Text)} on a text read for this lexicon alone. */
    public List<Hit> find(String normalisedText) {
        return find(Text.of(normalisedText));
    }

    /**
     * Every non-overlapping match on a text already {@link #normalise(String) normalised}: leftmost first, the
     * longest at each place. Only the terms whose first characters are there are tried, so the cost grows with the
     * text, not with the number of terms.
     */
    public List<Hit> find(Text prepared) {
        List<Hit> hits = new ArrayList<>();
        if (patterns == 0) {
            return hits;
        }
        String text = prepared.text;
        Matcher[] matchers = new Matcher[patterns];
        int covered = 0;
        for (int n = 0; n < prepared.starts.length; n++) {
            int i = prepared.starts[n];
            if (i < covered) {
                continue;
            }
            int best = longest(byOneKey.get(prepared.oneKeys[n]), matchers, text, i);
            if (i + 1 < text.length()) {
                best = Math.max(best, longest(byTwoKey.get(prepared.twoKeys[n]), matchers, text, i));
            }
            if (best > i) {
                hits.add(new Hit(i, best, text.substring(i, best)));
                covered = best;
            }
        }
        return hits;
    }

    private static int longest(Term[] candidates, Matcher[] matchers, String text, int at) {
        int best = -1;
        if (candidates == null) {
            return best;
        }
        for (Term term : candidates) {
            Matcher matcher = matchers[term.index()];
            if (matcher == null) {
                matcher = term.pattern().matcher(text);
                matcher.useTransparentBounds(true);
                matcher.useAnchoringBounds(false);
                matchers[term.index()] = matcher;
            }
            matcher.region(at, text.length());
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
