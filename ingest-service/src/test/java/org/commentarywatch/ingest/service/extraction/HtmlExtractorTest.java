package org.commentarywatch.ingest.service.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.Fixtures;
import org.commentarywatch.ingest.service.cleaning.TextCleaner;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private static Extraction extract(String fixture) {
        return HtmlExtractor.extract(Fixtures.bytes(fixture), Optional.empty(), Optional.empty());
    }

    private static String cleaned(Extraction extraction) {
        return TextCleaner.clean(extraction.text(), new TextCleaner.Hints(extraction.title(), false)).text();
    }

    @Test
    void newsArticleJsonLdGivesTitleAuthorsDatePublisherLanguageAndCanonicalUrl() {
        Extraction page = extract("news-article.html");

        assertEquals(Optional.of("Barge Quotas Tighten on the Upper River"), page.title());
        assertEquals(List.of("Mara Quill", "Tobias Fenn"), page.authors());
        assertEquals(Optional.of("2024-02-11T08:30:00+01:00"), page.published());
        assertEquals(Optional.of("The Invented Ledger"), page.source());
        assertEquals(Optional.of("en-GB"), page.language());
        assertEquals(Optional.of("https://ledger.example.org/river/barge-quotas?utm_source=rss&utm_medium=feed"),
                page.url(), "the canonical link as written; tracking parameters go in the URL canonicaliser");
    }

    @Test
    void theMainTextKeepsTheArticleAndDropsNavigationCaptionsAndRelatedLinks() {
        String text = cleaned(extract("news-article.html"));

        assertTrue(text.startsWith("Shipping clerks along the upper river"), text);
        assertTrue(text.contains("measured how quickly the reservoir refills after the dry spell."), text);
        assertEquals(3, text.split("\n\n").length, "three paragraphs:\n" + text);
        for (String noise : List.of("Home", "Markets", "lock keeper", "Photo:", "Related", "Lock repairs",
                "All rights reserved", "By Mara Quill")) {
            assertFalse(text.contains(noise), "'" + noise + "' in:\n" + text);
        }
    }

    @Test
    void openGraphAndMetaTagsAreUsedWhenThereIsNoJsonLd() {
        Extraction page = extract("opengraph-only.html");

        assertEquals(Optional.of("Orchard Cooperatives Try a Shared Cold Store"), page.title());
        assertEquals(List.of("Ilse Brandner"), page.authors());
        assertEquals(Optional.of("2023-09-30"), page.published());
        assertEquals(Optional.of("Valley Notes"), page.source());
        assertEquals(Optional.of("de-AT"), page.language());
        assertEquals(Optional.of("https://valley.example.net/notes/cold-store/?fbclid=abc123"), page.url());
        assertTrue(cleaned(page).contains("who would decide which apples leave the store first"), page.text());
    }

    @Test
    void cookieBannerMenusShareBarsNewsletterBoxesAndSidebarsAreNotPartOfTheText() {
        Extraction page = extract("noisy-page.html");
        String text = cleaned(page);

        assertEquals(Optional.of("Night Trains Return to the Coastal Line"), page.title(), "site name cut off");
        assertEquals(3, text.split("\n\n").length, "three paragraphs:\n" + text);
        assertTrue(text.contains("the only way to make the journey while sleeping."), text);
        for (String noise : List.of("cookie", "Accept all", "Sign in", "Share on", "Tweet", "newsletter", "Subscribe",
                "Read more", "Station clocks", "Most read", "hiring", "Follow us")) {
            assertFalse(text.toLowerCase().contains(noise.toLowerCase()), "'" + noise + "' in:\n" + text);
        }
    }

    @Test
    void aPageWithoutArticleMarkupStillGivesItsText() {
        Extraction page = HtmlExtractor.extract("<html><body><div>One short line of invented text about a bridge."
                + "</div></body></html>", Optional.empty());

        assertEquals("One short line of invented text about a bridge.", cleaned(page));
    }
}
