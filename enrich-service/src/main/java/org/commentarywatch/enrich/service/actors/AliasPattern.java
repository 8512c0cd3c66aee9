package org.commentarywatch.enrich.service.actors;

import java.util.ArrayList;
import java.util.List;

/**
 * One alias of the knowledge base, compiled. How it is written says how it matches:
 * <ul>
 * <li>{@code *} stands for the rest of a word (zero or more letters), for inflected languages:
 * {@code Росси*} matches Россия, России, Россией; {@code Европейск* союз*} matches Европейского союза.
 * A star is followed by the end of the alias or by a non-letter.</li>
 * <li>Case: an alias in capitals ({@code US}, {@code EU}, {@code НАТО}, {@code U.S.}) matches only in capitals, so
 * that the pronoun "us" is not the United States; an alias that starts with a capital ({@code China},
 * {@code Путин*}) needs a capital there in the text (Turkey, not turkey); an alias in lower case
 * ({@code российск*}, {@code 中国}) matches in any case.</li>
 * <li>Word boundaries: Latin and Cyrillic aliases match whole words (an alias that ends with a hyphen, like
 * {@code Sino-}, may run into the next word); Chinese and Japanese aliases match anywhere. "Xi" does not match
 * in "Xi'an", but does in "Xi's".</li>
 * </ul>
 * Matching compares folded text ({@link TextNormalizer}) and checks case and boundaries on the original.
 */
final class AliasPattern {

    private enum CaseRule { ALL_CAPS, INITIAL_CAPITAL, ANY }

    private final String alias;
    private final List<String> actorIds;
    private final String[] segments;
    private final boolean[] starAfter;
    private final String[] originalSegments;
    private final CaseRule caseRule;
    private final boolean boundaryBefore;
    private final boolean boundaryAfter;

    AliasPattern(String alias, List<String> actorIds) {
        String problem = problemWith(alias);
        if (problem != null) {
            throw new IllegalArgumentException("alias '" + alias + "': " + problem);
        }
        this.alias = alias;
        this.actorIds = List.copyOf(actorIds);
        List<String> parts = new ArrayList<>();
        List<Boolean> stars = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < alias.length(); i++) {
            if (alias.charAt(i) == '*') {
                parts.add(alias.substring(from, i));
                stars.add(true);
                from = i + 1;
            }
        }
        if (from < alias.length()) {
            parts.add(alias.substring(from));
            stars.add(false);
        }
        this.originalSegments = parts.toArray(String[]::new);
        this.segments = parts.stream().map(TextNormalizer::fold).toArray(String[]::new);
        this.starAfter = new boolean[stars.size()];
        for (int i = 0; i < starAfter.length; i++) {
            starAfter[i] = stars.get(i);
        }
        String letters = alias.codePoints().filter(Character::isLetter)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        boolean cased = letters.codePoints().anyMatch(AliasPattern::hasCase);
        boolean noLowerCase = letters.codePoints().noneMatch(cp -> hasCase(cp) && !Character.isUpperCase(cp));
        if (alias.replace("*", "").length() >= 2 && cased && noLowerCase) {
            this.caseRule = CaseRule.ALL_CAPS;
        } else if (!letters.isEmpty() && Character.isUpperCase(letters.codePointAt(0))) {
            this.caseRule = CaseRule.INITIAL_CAPITAL;
        } else {
            this.caseRule = CaseRule.ANY;
        }
        char first = alias.charAt(0);
        this.boundaryBefore = TextNormalizer.isWordChar(first);
        char last = alias.charAt(alias.length() - 1);
        this.boundaryAfter = last != '*' && TextNormalizer.isWordChar(last);
    }

    private static boolean hasCase(int cp) {
        return Character.toLowerCase(cp) != Character.toUpperCase(cp);
    }

    /** Why an alias cannot be compiled, or null when it can. */
    static String problemWith(String alias) {
        if (alias == null || alias.isBlank()) {
            return "blank";
        }
        if (!alias.strip().equals(alias)) {
            return "leading or trailing white space";
        }
        if (alias.charAt(0) == '*') {
            return "starts with a star";
        }
        if (alias.contains("**")) {
            return "two stars in a row";
        }
        for (int i = 0; i < alias.length() - 1; i++) {
            if (alias.charAt(i) == '*' && Character.isLetterOrDigit(alias.charAt(i + 1))) {
                return "a star must be followed by a non-letter or end the alias";
            }
        }
        return null;
    }

    String alias() {
        return alias;
    }

    List<String> actorIds() {
        return actorIds;
    }

    /** The literal start of the alias that the automaton looks for. */
    String key() {
        return segments[0];
    }

    /**
     * @param original the text
     * @param folded the same text folded by {@link TextNormalizer#fold(CharSequence)}
     * @param start where {@link #key()} was found
     * @return the end (exclusive) of the match, or -1 when the alias does not match there
     */
    int matchAt(String original, String folded, int start) {
        if (boundaryBefore && start > 0 && TextNormalizer.isWordChar(original.charAt(start - 1))) {
            return -1;
        }
        int n = folded.length();
        int pos = start;
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                if (!folded.startsWith(segments[i], pos)) {
                    return -1;
                }
            }
            if (!caseMatches(original, pos, i)) {
                return -1;
            }
            pos += segments[i].length();
            if (starAfter[i]) {
                while (pos < n && TextNormalizer.isLetterOrMark(original.charAt(pos))) {
                    pos++;
                }
            }
        }
        if (boundaryAfter && pos < n) {
            char next = original.charAt(pos);
            if (TextNormalizer.isWordChar(next)) {
                return -1;
            }
            if ((next == '\'' || next == '\u2019') && pos + 1 < n && TextNormalizer.isLetterOrMark(original.charAt(pos + 1))) {
                // Xi's is Xi; Xi'an is a city
                boolean possessive = (original.charAt(pos + 1) == 's' || original.charAt(pos + 1) == 'S')
                        && (pos + 2 >= n || !TextNormalizer.isWordChar(original.charAt(pos + 2)));
                if (!possessive) {
                    return -1;
                }
            }
        }
        return pos;
    }

    private boolean caseMatches(String original, int at, int segment) {
        String written = originalSegments[segment];
        switch (caseRule) {
            case ALL_CAPS:
                for (int k = 0; k < written.length(); k++) {
                    char a = written.charAt(k);
                    if (Character.isUpperCase(a) && !Character.isUpperCase(original.charAt(at + k))) {
                        return false;
                    }
                }
                return true;
            case INITIAL_CAPITAL:
                if (segment != 0) {
                    return true;
                }
                for (int k = 0; k < written.length(); k++) {
                    if (Character.isLetter(written.charAt(k))) {
                        return Character.isUpperCase(original.charAt(at + k));
                    }
                }
                return true;
            default:
                return true;
        }
    }

    @Override
    public String toString() {
        return alias + " -> " + actorIds;
    }
}
