package org.commentarywatch.enrich.service.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A cheap lexical check that two texts are the same text: Jaccard similarity of their word 3-shingles. Words are
 * runs of letters and digits, lower-cased; each Han, Hiragana or Katakana character is a word of its own.
 */
public final class Shingles {

    public static final int SIZE = 3;

    private Shingles() {
    }

    public static double jaccard(String a, String b) {
        return jaccard(of(a), of(b));
    }

    /**
     * Jaccard of two shingle sets from {@link #of(String)}.
     */
    public static double jaccard(long[] first, long[] second) {
        if (first.length == 0 && second.length == 0) {
            return 1;
        }
        int common = 0;
        for (int i = 0, j = 0; i < first.length && j < second.length; ) {
            if (first[i] == second[j]) {
                common++;
                i++;
                j++;
            } else if (first[i] < second[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (first.length + second.length - common);
    }

    /**
     * The text's distinct word 3-shingles as sorted 64-bit hashes (a text of fewer words is one shingle): compared
     * by merging, without a string per shingle. Two different shingles share a hash about once in 10^19 pairs.
     */
    public static long[] of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new long[0];
        }
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = hash(words.get(i));
        }
        int count = Math.max(1, wordHashes.length - SIZE + 1);
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int w = i; w < Math.min(i + SIZE, wordHashes.length); w++) {
                h = mix(h * 31 + wordHashes[w]);
            }
            shingles[i] = h;
        }
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        return Arrays.copyOf(shingles, distinct);
    }

    private static long hash(String word) {
        long h = 1125899906842597L;
        for (int i = 0; i < word.length(); i++) {
            h = 31 * h + word.charAt(i);
        }
        return mix(h);
    }

    /** The finaliser of SplitMix64: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isIdeographic(c)) {
                flush(word, words);
                words.add(new String(Character.toChars(c)));
            } else if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else {
                flush(word, words);
            }
        });
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    private static boolean isIdeographic(int c) {
        if (c < '\u2E80') {
            return false; // no Han, Hiragana or Katakana below the CJK radicals: most text never asks further
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
