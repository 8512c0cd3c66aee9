package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void aShortTextIsTheWholeSnippet() {
        assertEquals("Short and\nsweet.".replace('\n', ' '), Snippets.opening("  Short and\n sweet. ", 200));
    }

    @Test
    void aLongTextIsCutAtAWordBoundaryAndMarkedAsCut() {
        String text = "word ".repeat(100);
        String snippet = Snippets.opening(text, 200);
        assertTrue(snippet.length() <= 201, snippet);
        assertTrue(snippet.endsWith("word\u2026"), snippet);
    }

    @Test
    void markupInTheTextIsEscapedLikeInAHighlightedSnippet() {
        assertEquals("a &lt;b&gt; &amp; c", Snippets.opening("a <b> & c", 200));
    }
}
