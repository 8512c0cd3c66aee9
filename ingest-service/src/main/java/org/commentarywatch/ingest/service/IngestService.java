package org.commentarywatch.ingest.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.messaging.PublishFailedException;
import org.commentarywatch.ingest.model.CleaningReport;
import org.commentarywatch.ingest.service.cleaning.TextCleaner;
import org.commentarywatch.ingest.service.extraction.DocumentExtractor;
import org.commentarywatch.ingest.service.extraction.Extraction;
import org.commentarywatch.ingest.service.extraction.UnreadableDocumentException;
import org.commentarywatch.ingest.messaging.RawDocumentPublisher;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.RawDocument;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a submission into a document on {@code commentary.raw}. Every input route (the JSON API today; feeds,
 * pages and PDFs once their text is extracted) ends here, naming the content type it started from.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    /** Longest title taken from a document's first line when it names none. */
    static final int MAX_DERIVED_TITLE = 200;

    private final RawDocumentPublisher publisher;
    private final DocumentMetrics metrics;
    private final DocumentExtractor extractor;
    private final SeenContent seenContent;

    public IngestService(RawDocumentPublisher publisher, DocumentMetrics metrics, DocumentExtractor extractor,
            SeenContent seenContent) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.extractor = extractor;
        this.seenContent = seenContent;
    }

    /**
     * A whole document (HTML, PDF, plain text, Markdown): extracted, cleaned and published like a JSON submission.
     * What the caller states in {@code given} (title, url, source, published, authors; its text is ignored) wins over
     * what the document says about itself.
     *
     * @throws org.commentarywatch.ingest.service.extraction.UnsupportedContentTypeException for a type without an
     *         extractor
     * @throws UnreadableDocumentException when the document cannot be read or holds no text
     */
    public Uni<String> ingest(byte[] body, String contentType, DocumentSubmission given) {
        return publish(fromDocument(extractor, body, contentType, given));
    }

    /**
     * A page fetched from the web ({@code service.fetch}): like {@link #ingest(byte[], String, DocumentSubmission)},
     * but its URL is the page's own canonical URL (rel=canonical, og:url, JSON-LD) when that lies on the host it was
     * fetched from, else {@code fetchedFrom}, the URL it was fetched from after redirects. A canonical URL on another
     * host is not trusted: any page could otherwise claim, and overwrite, another site's document id.
     */
    public Uni<String> ingestFetched(byte[] body, String contentType, DocumentSubmission given, String fetchedFrom) {
        return publish(fromDocument(extractor, body, contentType, given, Optional.of(fetchedFrom)));
    }

    static RawDocument fromDocument(DocumentExtractor extractor, byte[] body, String contentType,
            DocumentSubmission given) {
        return fromDocument(extractor, body, contentType, given, Optional.empty());
    }

    private static RawDocument fromDocument(DocumentExtractor extractor, byte[] body, String contentType,
            DocumentSubmission given, Optional<String> fetchedFrom) {
        Extraction extraction = extractor.extract(body, contentType, given.url().or(() -> fetchedFrom));
        Optional<String> title = Optional.of(given.title()).filter(t -> !t.isBlank()).or(extraction::title);
        TextCleaner.Result cleaned = TextCleaner.clean(extraction.text(),
                new TextCleaner.Hints(title, extraction.markdown()));
        if (cleaned.text().isBlank()) {
            throw new UnreadableDocumentException("no_text", "no text could be read from the "
                    + DocumentExtractor.baseType(contentType) + " document"
                    + (DocumentExtractor.PDF.equals(DocumentExtractor.baseType(contentType))
                            ? " (a scan without a text layer?)" : ""));
        }
        DocumentSubmission merged = new DocumentSubmission(
                title.orElseGet(() -> firstLine(cleaned.text())),
                cleaned.text(),
                given.url().or(() -> extraction.url().filter(IngestService::usable)
                        .filter(u -> fetchedFrom.map(f -> sameHost(u, f)).orElse(true))).or(() -> fetchedFrom),
                given.published().or(() -> extraction.published().filter(IngestService::usableDate)),
                given.source().or(extraction::source),
                given.authors().isEmpty() ? extraction.authors() : given.authors(),
                given.reference(),
                given.labels());
        return build(merged, DocumentExtractor.baseType(contentType), extraction.language(), cleaned.report());
    }

    /** Metadata a document carries about itself is taken only when valid; it never fails the document. */
    private static boolean usable(String url) {
        try {
            UrlCanonicalizer.canonicalize(url);
            return true;
        } catch (InvalidDocumentException e) {
            return false;
        }
    }

    /** Same host, "www." aside (a site's canonical URL often adds or drops it). */
    private static boolean sameHost(String url, String other) {
        return host(url).equals(host(other));
    }

    private static String host(String url) {
        String host = java.net.URI.create(UrlCanonicalizer.canonicalize(url)).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static boolean usableDate(String published) {
        try {
            PublishedDates.validate(published);
            return true;
        } catch (InvalidDocumentException e) {
            return false;
        }
    }

    private static String firstLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (line.length() <= MAX_DERIVED_TITLE) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_DERIVED_TITLE);
        return line.substring(0, cut > 0 ? cut : MAX_DERIVED_TITLE) + "…";
    }

    /**
     * @return the document id, once Kafka acknowledged the document
     * @throws InvalidDocumentException at once, if the submission cannot become a document
     */
    public Uni<String> ingest(DocumentSubmission submission, String contentType) {
        return publish(toDocument(submission, contentType));
    }

    /**
     * @return the id of the document holding the content: the earlier document's when this is an exact duplicate
     *         of content it brought under another URL (see {@link SeenContent})
     */
    private Uni<String> publish(RawDocument document) {
        Timer.Sample stage = Timer.start();
        SeenContent.Admission admission;
        try {
            admission = seenContent.admit(document);
        } catch (SeenContentUnavailableException e) {
            metrics.failed();
            return Uni.createFrom().failure(new PublishFailedException(
                    "Kafka is unavailable: the document was not stored. Retry later; the id will be the same.", e));
        }
        if (admission.emit().isEmpty()) {
            metrics.accepted();
            stage.stop(metrics.stageDuration());
            LOG.debugf("document %s is a duplicate of %s, already recorded", document.id(), admission.documentId());
            return Uni.createFrom().item(admission.documentId());
        }
        RawDocument emitted = admission.emit().get();
        return publisher.publish(emitted)
                .call(() -> seenContent.stored(admission))
                .onItem().invoke(() -> {
                    metrics.accepted();
                    stage.stop(metrics.stageDuration());
                    LOG.debugf("document %s accepted (%d chars)%s", emitted.id(), emitted.text().length(),
                            emitted.id().equals(document.id()) ? "" : " with the URL of its duplicate " + document.id());
                })
                .onFailure().invoke(() -> seenContent.notStored(admission))
                .onFailure(PublishFailedException.class).invoke(metrics::failed)
                .replaceWith(admission.documentId());
    }

    /** A JSON submission: its text is plain text and goes through the same cleaning stage. */
    static RawDocument toDocument(DocumentSubmission submission, String contentType) {
        if (submission.text().isBlank()) {
            throw new InvalidDocumentException("empty_text", "text must not be empty");
        }
        if (submission.title().isBlank()) {
            throw new InvalidDocumentException("empty_title", "title must not be empty");
        }
        TextCleaner.Result cleaned = TextCleaner.clean(submission.text(), TextCleaner.Hints.title(submission.title()));
        if (cleaned.text().isBlank()) {
            throw new UnreadableDocumentException("no_text",
                    "nothing but page furniture and boilerplate was left after cleaning the text");
        }
        DocumentSubmission clean = new DocumentSubmission(submission.title(), cleaned.text(), submission.url(),
                submission.published(), submission.source(), submission.authors(), submission.reference(),
                submission.labels());
        return build(clean, contentType, Optional.empty(), cleaned.report());
    }

    private static RawDocument build(DocumentSubmission submission, String contentType, Optional<String> language,
            CleaningReport report) {
        if (submission.title().isBlank()) {
            throw new InvalidDocumentException("empty_title", "title must not be empty");
        }
        Optional<String> url = submission.url().map(UrlCanonicalizer::canonicalize);
        Optional<String> published = submission.published().map(PublishedDates::validate);
        submission.labels().ifPresent(LabelRules::validate);
        return new RawDocument(RawDocument.SCHEMA_VERSION, DocumentIds.of(url, submission.text()),
                submission.title().trim(), submission.text(), url, published, submission.source(),
                submission.authors(), submission.reference(), submission.labels(), contentType,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), language, Optional.of(report), List.of());
    }
}
