package org.commentarywatch.enrich.service;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into sentences: the JDK's sentence {@link BreakIterator} for the text's language, with the
 * guards it lacks. Left alone it ends a sentence after every "Mr.", "Dr." or initial ("J. R."), after
 * "U.S." whatever follows, before a lower-case "he asked" that closes a quoted question, inside a Japanese
 * quotation ("…！」と言った"), and never at a full-width full stop (．) or a blank line between paragraphs.
 */
public final class SentenceSplitter {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern DOTTED_ACRONYM = Pattern.compile("(\\p{Lu}\\.)+\\p{Lu}");

    /**
     * Abbreviations (lower case, without the final full stop) that do not end a sentence: titles before a
     * name, Latin and editorial short forms, months and counters before a number, in the languages the
     * pipeline sees most. Abbreviations that often end a sentence ("etc.", "Jr.") are left out.
     */
    private static final Set<String> ABBREVIATIONS = Set.of(
            // English titles and ranks
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "adm", "cmdr", "maj", "sen",
            "rep", "gov", "pres", "amb", "rev", "hon", "st", "mt", "messrs", "sr", "sra", "srta", "dra",
            // Latin and editorial short forms
            "e.g", "i.e", "cf", "vs", "viz", "al", "approx", "ca", "no", "nos", "vol", "pp", "fig", "art", "para",
            // months (before a day)
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            // German, French
            "z.b", "d.h", "u.a", "bzw", "vgl", "nr", "p.ex",
            // Russian and Ukrainian: город, годы, имени, улица, профессор, академик, генерал, то есть,
            // так называемый, смотри, например; місто, рік, вулиця
            "г", "гг", "им", "ул", "проф", "акад", "ген", "т.е", "т.н", "см", "напр", "м", "р", "вул");

    /** Words that open an English sentence: after "U.S." they mean a new sentence, not "U.S. Navy". */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "the", "a", "an", "this", "that", "these", "those", "it", "its", "in", "on", "at", "by", "but", "and",
            "or", "so", "yet", "however", "meanwhile", "still", "then", "there", "their", "they", "he", "she",
            "we", "i", "if", "when", "while", "as", "after", "before", "since", "for", "with", "what", "why",
            "how", "no", "not", "such", "both", "neither", "nor", "one", "some", "many", "most", "all");

    private static final String CJK_TERMINATORS = "。！？．｡";
    private static final String CLOSING = "」』”’）)\"'»›]";
    private static final String OPENING = "「『“‘（(\"'«‹[¿¡";

    private SentenceSplitter() {
    }

    /** The sentences of the text, trimmed; pieces without a letter or digit (stray punctuation) are not sentences. */
    public static List<String> split(String text, Locale locale) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(text)) {
            List<String> pieces = new ArrayList<>();
            for (String piece : breakIteratorPieces(paragraph, locale)) {
                pieces.addAll(splitAtCjkStops(piece));
            }
            for (String sentence : mergeFalseBreaks(pieces)) {
                String trimmed = sentence.strip();
                if (trimmed.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    sentences.add(trimmed);
                }
            }
        }
        return sentences;
    }

    private static List<String> breakIteratorPieces(String paragraph, Locale locale) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
        iterator.setText(paragraph);
        List<String> pieces = new ArrayList<>();
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            pieces.add(paragraph.substring(start, end));
        }
        return pieces;
    }

    /** Cuts after a CJK stop (and its closing quotes) that the break iterator let through, as with "．". */
    private static List<String> splitAtCjkStops(String piece) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < piece.length()) {
            char c = piece.charAt(i);
            i++;
            if (CJK_TERMINATORS.indexOf(c) < 0 || isDecimalPoint(piece, i - 1)) {
                continue;
            }
            while (i < piece.length() && (CJK_TERMINATORS.indexOf(piece.charAt(i)) >= 0
                    || CLOSING.indexOf(piece.charAt(i)) >= 0)) {
                i++;
            }
            if (i < piece.length() && !Character.isWhitespace(piece.charAt(i))) {
                pieces.add(piece.substring(start, i));
                start = i;
            }
        }
        pieces.add(piece.substring(start));
        return pieces;
    }

    private static boolean isDecimalPoint(String s, int at) {
        return s.charAt(at) == '．' && at > 0 && at + 1 < s.length()
                && Character.isDigit(s.charAt(at - 1)) && Character.isDigit(s.charAt(at + 1));
    }

    private static List<String> mergeFalseBreaks(List<String> pieces) {
        List<String> merged = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : pieces) {
            if (current.length() > 0 && !continues(current.toString(), piece)) {
                merged.add(current.toString());
                current.setLength(0);
            }
            current.append(piece);
        }
        if (current.length() > 0) {
            merged.add(current.toString());
        }
        return merged;
    }

    /** Whether {@code next} carries on the sentence that {@code before} seemed to end. */
    private static boolean continues(String before, String next) {
        String firstWord = firstWord(next);
        if (!firstWord.isEmpty() && Character.isLowerCase(firstWord.codePointAt(0))) {
            return true; // '"Is it over?" he asked.', 'the talks (in Sept.) went on'
        }
        if (endsWithClosingQuote(before) && !next.isEmpty() && Character.UnicodeScript.of(next.codePointAt(0))
                == Character.UnicodeScript.HIRAGANA) {
            return true; // 「…！」と言った: the quotation is part of the sentence
        }
        String token = lastToken(before);
        if (!token.endsWith(".")) {
            return false;
        }
        String stem = token.substring(0, token.length() - 1);
        if (ABBREVIATIONS.contains(stem.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (stem.codePointCount(0, stem.length()) == 1 && Character.isUpperCase(stem.codePointAt(0))) {
            return true; // an initial: "J. R. Smith", "В. В. Путин"
        }
        if (isDottedAcronym(stem)) {
            return !SENTENCE_OPENERS.contains(firstWord.toLowerCase(Locale.ROOT)); // "U.S. Navy" vs "U.S. The"
        }
        return false;
    }

    private static String lastToken(String text) {
        String stripped = text.stripTrailing();
        int start = stripped.length();
        while (start > 0 && !Character.isWhitespace(stripped.charAt(start - 1))) {
            start--;
        }
        int from = start;
        while (from < stripped.length() && OPENING.indexOf(stripped.charAt(from)) >= 0) {
            from++;
        }
        return stripped.substring(from);
    }

    private static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || OPENING.indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        int start = i;
        while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return text.substring(start, i);
    }

    private static boolean endsWithClosingQuote(String text) {
        return !text.isEmpty() && "」』”".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** "U.S", "U.K", "E.U" (the final full stop already cut): capitals each followed by a full stop. */
    private static boolean isDottedAcronym(String stem) {
        return DOTTED_ACRONYM.matcher(stem).matches();
    }
}
