package org.commentarywatch.ingest.service.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.TestPdfs;
import org.commentarywatch.ingest.service.cleaning.TextCleaner;
import org.junit.jupiter.api.Test;

class PdfExtractorTest {

    private static final PdfExtractor.Limits LIMITS = new PdfExtractor.Limits(300, Duration.ofSeconds(30));

    private static String cleaned(Extraction extraction) {
        return TextCleaner.clean(extraction.text(), new TextCleaner.Hints(extraction.title(), false)).text();
    }

    @Test
    void aSingleColumnPdfGivesItsParagraphsAndTheDocumentInformation() {
        byte[] pdf = TestPdfs.singleColumn("Harbour Cranes in Winter", "R. Porter; S. Quay", List.of(
                "The first paragraph of this invented note describes the cranes of a small harbour and the men who "
                        + "repair them when the frost arrives early in the season.",
                "A second paragraph adds that nobody has counted the cranes since the last survey."));

        Extraction extraction = PdfExtractor.extract(pdf, LIMITS);

        assertEquals(Optional.of("Harbour Cranes in Winter"), extraction.title());
        assertEquals(List.of("R. Porter", "S. Quay"), extraction.authors());
        assertEquals(Optional.of("2024-03-05"), extraction.published());
        String text = cleaned(extraction);
        assertTrue(text.contains("The first paragraph of this invented note describes the cranes of a small harbour "
                + "and the men who repair them when the frost arrives early in the season."), text);
        assertEquals(2, text.split("\n\n").length, "two paragraphs, the title line removed: " + text);
    }

    @Test
    void aTwoColumnPageIsReadColumnByColumnWithoutRunningHeadsPageNumbersHyphensOrMarkers() {
        Extraction extraction = PdfExtractor.extract(TestPdfs.twoColumns(), LIMITS);
        String text = cleaned(extraction);

        assertEquals(Optional.of(TestPdfs.TWO_COLUMN_TITLE), extraction.title(), "largest type on the first page");
        for (String paragraph : TestPdfs.LEFT) {
            assertTrue(text.contains(paragraph), "left column paragraph whole and in order:\n" + text);
        }
        for (String paragraph : TestPdfs.RIGHT) {
            assertTrue(text.contains(paragraph), "right column paragraph whole and in order:\n" + text);
        }
        assertTrue(text.indexOf(TestPdfs.LEFT.get(1)) < text.indexOf(TestPdfs.RIGHT.get(0)),
                "the left column is read before the right one:\n" + text);
        assertFalse(text.contains(TestPdfs.RUNNING_HEAD), text);
        assertFalse(text.matches("(?s).*Page \\d of \\d.*"), text);
        assertFalse(text.matches("(?s).*\\p{L}- .*"), "no hyphen left from a line break:\n" + text);
        assertFalse(text.matches("(?s).*\\.7\\b.*"), "no footnote marker:\n" + text);
        assertTrue(text.contains("Third report: Passenger associations"), text);
    }

    @Test
    void anEncryptedPdfIsRefusedAsEncrypted() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfExtractor.extract(TestPdfs.encrypted(), LIMITS));
        assertEquals("encrypted_pdf", e.kind());
    }

    @Test
    void aCorruptPdfIsRefusedAsUnreadable() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfExtractor.extract(TestPdfs.corrupt(), LIMITS));
        assertEquals("unreadable_pdf", e.kind());
    }

    @Test
    void aPdfOverThePageLimitIsRefusedNamingTheLimit() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfExtractor.extract(TestPdfs.twoColumns(), new PdfExtractor.Limits(2, Duration.ofSeconds(30))));
        assertEquals("too_many_pages", e.kind());
        assertTrue(e.getMessage().contains("3 pages"), e.getMessage());
    }

    @Test
    void readingStopsAtTheTimeLimit() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfExtractor.extract(TestPdfs.twoColumns(), new PdfExtractor.Limits(300, Duration.ZERO)));
        assertEquals("extraction_timeout", e.kind());
    }
}
