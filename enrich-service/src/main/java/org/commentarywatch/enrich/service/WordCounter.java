package org.commentarywatch.enrich.service;

/**
 * Counts words the way a reader would. In alphabetic scripts a word is a run of letters, digits and combining
 * marks, held together by an apostrophe, hyphen or full stop between two of them ("don't", "Sino-Russian",
 * "U.S.", "3.5") or a comma between digits ("1,000").
 *
 * <p>Chinese and Japanese do not separate words with spaces, and telling where one ends takes a dictionary
 * this service does not carry. Each Han, Hiragana or Katakana character counts as one word instead: it is
 * the length measure used for those languages (字数, 文字数), what common word processors report, and it
 * stays comparable between documents of the same language. Korean separates words with spaces and is
 * counted like alphabetic text.
 */
public final class WordCounter {

    private static final String JOINERS = "'’-‐.";

    private WordCounter() {
    }

    public static int count(String text) {
        int words = 0;
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isCjk(cp)) {
                words++;
                inWord = false;
            } else if (isWordPart(cp)) {
                if (!inWord) {
                    words++;
                    inWord = true;
                }
            } else if (inWord && joins(text, i, cp, next)) {
                // still the same word
            } else {
                inWord = false;
            }
            i = next;
        }
        return words;
    }

    private static boolean joins(String text, int at, int cp, int next) {
        if (next >= text.length()) {
            return false;
        }
        int following = text.codePointAt(next);
        if (cp == ',') {
            return at > 0 && Character.isDigit(text.codePointBefore(at)) && Character.isDigit(following);
        }
        return JOINERS.indexOf(cp) >= 0 && isWordPart(following) && !isCjk(following);
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        boolean cjkScript = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
        // The long-vowel mark is a kana like the ones around it, though Unicode files it under no script.
        return (cjkScript && Character.isLetter(cp)) || cp == 'ー';
    }
}
