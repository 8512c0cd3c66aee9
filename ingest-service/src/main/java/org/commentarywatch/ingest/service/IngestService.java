package org.commentarywatch.ingest.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.commentarywatch.ingest.messaging.PublishFailedException;
import org.commentarywatch.ingest.messaging.RawDocumentPublisher;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.RawDocument;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a submission into a document on {@code commentary.raw}. Every input route (the JSON API today; feeds,
 * pages and PDFs once their text is extracted) ends here, naming the content type it started from.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final RawDocumentPublisher publisher;
    private final DocumentMetrics metrics;

    public IngestService(RawDocumentPublisher publisher, DocumentMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * @return the document id, once Kafka acknowledged the document
     * @throws InvalidDocumentException at once, if the submission cannot become a document
     */
    public Uni<String> ingest(DocumentSubmission submission, String contentType) {
        RawDocument document = toDocument(submission, contentType);
        return publisher.publish(document)
                .onItem().invoke(() -> {
                    metrics.accepted();
                    LOG.debugf("document %s accepted (%d chars)", document.id(), document.text().length());
                })
                .onFailure(PublishFailedException.class).invoke(metrics::failed)
                .replaceWith(document.id());
    }

    static RawDocument toDocument(DocumentSubmission submission, String contentType) {
        if (submission.text().isBlank()) {
            throw new InvalidDocumentException("empty_text", "text must not be empty");
        }
        if (submission.title().isBlank()) {
            throw new InvalidDocumentException("empty_title", "title must not be empty");
        }
        Optional<String> url = submission.url().map(UrlCanonicalizer::canonicalize);
        Optional<String> published = submission.published().map(PublishedDates::validate);
        submission.labels().ifPresent(LabelRules::validate);
        return new RawDocument(RawDocument.SCHEMA_VERSION, DocumentIds.of(url, submission.text()),
                submission.title().trim(), submission.text(), url, published, submission.source(),
                submission.authors(), submission.reference(), submission.labels(), contentType,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
