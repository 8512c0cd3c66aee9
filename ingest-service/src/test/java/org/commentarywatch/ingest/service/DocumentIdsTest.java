package org.commentarywatch.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DocumentIdsTest {

    private static String idOfUrl(String url) {
        return DocumentIds.of(Optional.of(UrlCanonicalizer.canonicalize(url)), "any text");
    }

    private static String idOfText(String text) {
        return DocumentIds.of(Optional.empty(), text);
    }

    @Test
    void postingTheSameUrlTwiceGivesTheSameId() {
        assertEquals(idOfUrl("https://example.org/notes/pipelines"), idOfUrl("https://example.org/notes/pipelines"));
    }

    @Test
    void spellingsOfOneUrlGiveOneId() {
        String plain = idOfUrl("https://example.org/notes/pipelines?page=2&lang=en");
        assertEquals(plain, idOfUrl("HTTPS://Example.ORG:443/notes/pipelines/?lang=en&utm_source=mail&page=2#part-3"));
        assertEquals(plain, idOfUrl("https://example.org/notes/pipelines?fbclid=abc&lang=en&page=2&gclid=xyz"));
    }

    @Test
    void differentPagesGiveDifferentIds() {
        assertNotEquals(idOfUrl("https://example.org/notes/pipelines"), idOfUrl("https://example.org/notes/valves"));
        assertNotEquals(idOfUrl("https://example.org/notes?page=1"), idOfUrl("https://example.org/notes?page=2"));
    }

    @Test
    void theUrlAloneDecidesTheIdWhenThereIsOne() {
        Optional<String> url = Optional.of(UrlCanonicalizer.canonicalize("https://example.org/a"));
        assertEquals(DocumentIds.of(url, "first draft"), DocumentIds.of(url, "corrected version"));
    }

    @Test
    void theSameTextWithOtherSpacingCaseAndLigaturesGivesTheSameId() {
        assertEquals(idOfText("The ﬁrst convoy left\n\non Monday."),
                idOfText("  the first   convoy left on MONDAY. "));
    }

    @Test
    void differentTextsGiveDifferentIds() {
        assertNotEquals(idOfText("The convoy left on Monday."), idOfText("The convoy left on Tuesday."));
    }

    @Test
    void aTextNeverCollidesWithAUrlSpelledTheSame() {
        String url = "https://example.org/a";
        assertNotEquals(DocumentIds.of(Optional.of(url), "x"), idOfText(url));
    }

    @Test
    void theIdIsTheFirst32HexCharactersOfTheSha256OfTheKindAndTheValue() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest("url:https://example.org/a".getBytes(StandardCharsets.UTF_8));
        String expected = HexFormat.of().formatHex(digest).substring(0, 32);

        assertEquals(expected, idOfUrl("https://example.org/a"));
        assertTrue(idOfText("anything").matches("[0-9a-f]{32}"));
    }
}
