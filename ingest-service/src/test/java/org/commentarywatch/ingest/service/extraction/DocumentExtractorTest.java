package org.commentarywatch.ingest.service.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DocumentExtractorTest {

    private final DocumentExtractor extractor = new DocumentExtractor(new PdfExtractor.Limits(300, Duration.ofSeconds(5)));

    @Test
    void plainTextIsDecodedWithTheCharsetOfItsContentType() {
        byte[] latin1 = "Caf\u00e9 on the quay".getBytes(StandardCharsets.ISO_8859_1);

        Extraction extraction = extractor.extract(latin1, "text/plain; charset=ISO-8859-1", Optional.empty());

        assertEquals("Caf\u00e9 on the quay", extraction.text());
        assertFalse(extraction.markdown());
    }

    @Test
    void textWithoutACharsetIsUtf8AndLosesItsByteOrderMark() {
        byte[] utf8 = "\uFEFFKr\u00f6ger's ferry".getBytes(StandardCharsets.UTF_8);

        assertEquals("Kr\u00f6ger's ferry", extractor.extract(utf8, "text/plain", Optional.empty()).text());
    }

    @Test
    void markdownIsMarkedForTheCleaningStage() {
        assertTrue(extractor.extract("# Heading".getBytes(StandardCharsets.UTF_8), "text/markdown", Optional.empty())
                .markdown());
    }

    @Test
    void aTypeWithoutAnExtractorIsUnsupportedNamingTheAcceptedOnes() {
        UnsupportedContentTypeException e = assertThrows(UnsupportedContentTypeException.class,
                () -> extractor.extract(new byte[] { 1 }, "image/png", Optional.empty()));

        assertTrue(e.getMessage().contains("image/png") && e.getMessage().contains("application/pdf"), e.getMessage());
    }

    @Test
    void uploadsSentAsOctetStreamAreTypedByTheirFileName() {
        assertEquals(Optional.of(DocumentExtractor.PDF), DocumentExtractor.typeOfFileName("Report.PDF"));
        assertEquals(Optional.of(DocumentExtractor.HTML), DocumentExtractor.typeOfFileName("page.htm"));
        assertEquals(Optional.of(DocumentExtractor.MARKDOWN), DocumentExtractor.typeOfFileName("notes.md"));
        assertEquals(Optional.empty(), DocumentExtractor.typeOfFileName("image.png"));
    }
}
