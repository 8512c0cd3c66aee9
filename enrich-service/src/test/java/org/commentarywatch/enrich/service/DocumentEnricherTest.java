package org.commentarywatch.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.model.DocumentText;
import org.commentarywatch.enrich.model.Enrichment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocumentEnricherTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");

    private static DocumentEnricher enricher;

    @BeforeAll
    static void create() {
        enricher = new DocumentEnricher(new LanguageDetector(), "enrich-service/test",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void reportsLanguageCountsTimeAndEnricherOfADocument() {
        Enrichment enrichment = enricher.enrich(DocumentText.of("Gas talks", Fixtures.PIECES.get("en")));

        assertEquals("en", enrichment.language());
        assertEquals(3, enrichment.sentenceCount());
        assertEquals(WordCounter.count(Fixtures.PIECES.get("en")), enrichment.wordCount());
        assertEquals(Instant.parse("2026-11-23T10:15:30.123Z"), enrichment.enrichedAt());
        assertEquals("enrich-service/test", enrichment.enricher());
    }

    @Test
    void countsTheBodyNotTheTitle() {
        Enrichment enrichment = enricher.enrich(DocumentText.of("A long title of seven words here",
                "Two words."));

        assertEquals(2, enrichment.wordCount());
        assertEquals(1, enrichment.sentenceCount());
    }

    @Test
    void letsTheTitleDecideTheLanguageOfATooShortBody() {
        String title = "Москва и Пекин расширяют сотрудничество в энергетике и торговле";

        assertEquals("und", enricher.enrich(DocumentText.of("", "Газ.")).language());
        assertEquals("ru", enricher.enrich(DocumentText.of(title, "Газ.")).language());
    }

    @Test
    void takesTheCallersLanguageAsGivenWithFullConfidence() {
        Enrichment enrichment = enricher.enrich(new DocumentText("", "Short.", Optional.of("fr")));

        assertEquals("fr", enrichment.language());
        assertEquals(1.0, enrichment.languageConfidence());
    }

    @Test
    void refusesBlankText() {
        assertThrows(IllegalArgumentException.class, () -> enricher.enrich(DocumentText.of("Title", " \n ")));
    }
}
