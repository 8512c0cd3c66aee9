package org.commentarywatch.enrich.service.corpus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cheap lexical check that two texts are the same text: Jaccard similarity of their word 3-shingles. Words are
 * runs of letters and digits, lower-cased; each Han, Hiragana or Katakana character is a word of its own.
 */
public final class Shingles {

    public static final int SIZE = 3;

    private Shingles() {
    }

    public static double jaccard(String a, String b) {
        Set<String> first = shingles(a);
        Set<String> second = shingles(b);
        if (first.isEmpty() && second.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String shingle : first) {
            if (second.contains(shingle)) {
                common++;
            }
        }
        return (double) common / (first.size() + second.size() - common);
    }

    static Set<String> shingles(String text) {
        List<String> words = words(text);
        Set<String> shingles = new HashSet<>();
        if (words.size() < SIZE) {
            if (!words.isEmpty()) {
                shingles.add(String.join(" ", words));
            }
            return shingles;
        }
        for (int i = 0; i + SIZE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + SIZE)));
        }
        return shingles;
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
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
