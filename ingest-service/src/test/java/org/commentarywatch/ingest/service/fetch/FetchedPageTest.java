package org.commentarywatch.ingest.service.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FetchedPageTest {

    private static FetchedPage page(String url, String contentType, String body) {
        return new FetchedPage(url, url, Optional.ofNullable(contentType), body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aStatedContentTypeIsTakenAsItIs() {
        assertEquals("text/html; charset=windows-1252",
                page("http://a.example/x.pdf", "text/html; charset=windows-1252", "%PDF-1.7").documentType());
        assertEquals("image/png", page("http://a.example/x", "image/png", "...").documentType());
    }

    @Test
    void aPdfSentAsOctetStreamIsRecognisedByItsFirstBytes() {
        assertEquals("application/pdf", page("http://a.example/download?id=3", "application/octet-stream",
                "%PDF-1.4\n...").documentType());
        assertEquals("application/pdf", page("http://a.example/report", null, "%PDF-1.7").documentType());
    }

    @Test
    void withoutAUsefulTypeTheUrlsExtensionOrAnHtmlStartDecides() {
        assertEquals("text/markdown", page("http://a.example/notes.md", "", "# Notes").documentType());
        assertEquals("text/html", page("http://a.example/page", null, "  <!DOCTYPE html><html>").documentType());
        assertEquals("application/octet-stream",
                page("http://a.example/blob", "application/octet-stream", "\u0000\u0001").documentType());
    }
}
