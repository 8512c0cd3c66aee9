package org.commentarywatch.ingest.service.fetch;

import java.util.Optional;

import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.service.IngestService;
import org.commentarywatch.ingest.service.extraction.DocumentExtractor;
import org.commentarywatch.ingest.service.extraction.UnsupportedContentTypeException;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A URL into a document: {@link PageFetcher} fetches it, the body goes through the same extraction and cleaning as
 * an uploaded document of its Content-Type (HTML, PDF, plain text, Markdown), and {@link IngestService} publishes it.
 * The document's URL, hence its id, is the page's canonical URL on the same host, else the URL after redirects.
 */
@ApplicationScoped
public class PageIngest {

    private final PageFetcher fetcher;
    private final IngestService ingest;

    public PageIngest(PageFetcher fetcher, IngestService ingest) {
        this.fetcher = fetcher;
        this.ingest = ingest;
    }

    /**
     * Fetches {@code url} now (blocking: politeness may make it wait for its host's turn) and publishes the page.
     *
     * @param given metadata that wins over what the page says about itself (title, published, source, authors,
     *        reference, labels); its url and text are ignored
     * @throws FetchException when the page cannot or may not be fetched
     * @throws UnsupportedContentTypeException when the page is of a type without an extractor
     * @throws org.commentarywatch.ingest.service.extraction.UnreadableDocumentException when it holds no readable text
     */
    public Uni<String> ingest(String url, DocumentSubmission given) {
        FetchedPage page = fetcher.fetch(url);
        String type = page.documentType();
        String base = DocumentExtractor.baseType(type);
        if (!DocumentExtractor.SUPPORTED.contains(base) && !base.equals(DocumentExtractor.XHTML)
                && !base.equals(DocumentExtractor.MARKDOWN_X)) {
            throw new UnsupportedContentTypeException("the page at " + page.finalUrl() + " is "
                    + (base.isEmpty() ? "of no stated type" : "'" + base + "'") + "; pages are read when they are "
                    + String.join(", ", DocumentExtractor.SUPPORTED));
        }
        DocumentSubmission meta = new DocumentSubmission(given.title(), "", Optional.empty(), given.published(),
                given.source(), given.authors(), given.reference(), given.labels());
        return ingest.ingestFetched(page.body(), type, meta, page.finalUrl());
    }
}
