package org.commentarywatch.ingest.service.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.commentarywatch.ingest.service.extraction.DocumentExtractor;

/**
 * A page as fetched: where it was asked for, where it ended after redirects, and what it answered.
 *
 * @param contentType the response's Content-Type header, parameters included, when it sent one
 */
public record FetchedPage(String requestedUrl, String finalUrl, Optional<String> contentType, byte[] body) {

    /** Types that say nothing about the content; the body and the URL's extension decide then. */
    private static final java.util.Set<String> UNINFORMATIVE = java.util.Set.of("", "application/octet-stream",
            "binary/octet-stream", "application/x-download", "application/force-download", "application/x-pdf");

    /**
     * The media type to extract the body as: the Content-Type when it names a type, else what the body starts with
     * ({@code %PDF-}, an HTML tag) or the URL's extension. Servers often send PDFs as {@code octet-stream}.
     */
    public String documentType() {
        String given = contentType.orElse("");
        if (!UNINFORMATIVE.contains(DocumentExtractor.baseType(given))) {
            return given;
        }
        if (startsWith(body, "%PDF-")) {
            return DocumentExtractor.PDF;
        }
        Optional<String> byName = DocumentExtractor.typeOfFileName(URI.create(finalUrl).getPath());
        if (byName.isPresent()) {
            return byName.get();
        }
        String head = new String(body, 0, Math.min(body.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") ? DocumentExtractor.HTML : given;
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
