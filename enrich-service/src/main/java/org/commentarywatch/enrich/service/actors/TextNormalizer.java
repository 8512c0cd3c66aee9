package org.commentarywatch.enrich.service.actors;

/**
 * Folds text for dictionary lookup one char for one char, so that offsets in the folded text are offsets in the
 * original: lower case, ё → е (Russian texts write both), typographic apostrophes and hyphens → ASCII ones.
 */
final class TextNormalizer {

    private TextNormalizer() {
    }

    static String fold(CharSequence text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(text.charAt(i));
        }
        return new String(folded);
    }

    static char fold(char c) {
        switch (c) {
            case 'ё':
            case 'Ё':
                return 'е';
            case '\u2019':
            case '\u02BC':
                return '\'';
            case '\u2010':
            case '\u2011':
                return '-';
            default:
                return Character.toLowerCase(c);
        }
    }

    /** Han, kana and Hangul: scripts written without spaces between words, where no word boundary applies. */
    static boolean isCjk(char c) {
        if (Character.isSurrogate(c)) {
            return true; // rare CJK extension characters; never a Latin or Cyrillic word character
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** A letter, digit or combining mark of a script that separates words with spaces. */
    static boolean isWordChar(char c) {
        return (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) && !isCjk(c);
    }

    static boolean isLetterOrMark(char c) {
        return (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) && !isCjk(c);
    }
}
