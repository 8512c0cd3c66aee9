package org.commentarywatch.ingest.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form of a text that identifies it: the same piece pasted from a PDF, a web page or an e-mail differs in
 * ligatures, full-width characters, case and line breaks, and should still be recognised as the same.
 */
public final class TextNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private TextNormalizer() {
    }

    /** Unicode NFKC, lowercased, runs of whitespace collapsed to one space, trimmed. */
    public static String normalize(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return WHITESPACE.matcher(folded).replaceAll(" ").trim();
    }
}
