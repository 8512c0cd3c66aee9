package org.commentarywatch.search.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.commentarywatch.search.model.ConsumedRecord;
import org.commentarywatch.search.model.DeadLetterRecord;
import org.commentarywatch.search.model.IncomingDocument;
import org.commentarywatch.search.service.AlertService;
import org.commentarywatch.search.service.BulkIndexer;
import org.commentarywatch.search.service.BulkWrites;
import org.commentarywatch.search.service.DocumentParser;

/**
 * The indexing stage: {@code commentary.enriched} to Elasticsearch, a batch at a time.
 * <ol>
 * <li>read each record; one that is not a document becomes a dead letter;</li>
 * <li>index the documents in one bulk request, waiting out any Elasticsearch outage;</li>
 * <li>dead-letter what Elasticsearch refused, with its reason;</li>
 * <li>match what it stored against the alert rules, and record the alerts (and webhook deliveries) before going on,
 * so that a crash in between only means the batch comes again, and its alerts, being create-once, are not doubled;</li>
 * <li>acknowledge the batch, so that its offsets are committed, only once Elasticsearch and Kafka have
 * taken everything.</li>
 * </ol>
 */
@ApplicationScoped
public class EnrichedDocumentIndexer {

    private static final Logger LOG = Logger.getLogger(EnrichedDocumentIndexer.class);

    private final DocumentParser parser = new DocumentParser();
    private final BulkIndexer indexer;
    private final DeadLetterPublisher deadLetters;
    private final AlertService alerts;

    public EnrichedDocumentIndexer(BulkIndexer indexer, DeadLetterPublisher deadLetters, AlertService alerts) {
        this.indexer = indexer;
        this.deadLetters = deadLetters;
        this.alerts = alerts;
    }

    // Blocking and ordered: one batch at a time on a worker thread, so a batch that waits for Elasticsearch holds
    // back the ones behind it, and the connector pauses fetching instead of piling records up in memory.
    @Incoming("enriched")
    @Blocking(ordered = true)
    public CompletionStage<Void> index(KafkaRecordBatch<String, String> batch) {
        List<IncomingDocument> documents = new ArrayList<>();
        List<ConsumedRecord> documentOrigins = new ArrayList<>();
        List<DeadLetterRecord> letters = new ArrayList<>();

        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumedRecord consumed = ConsumedRecords.of(record);
            DocumentParser.Parsed parsed = parser.parse(consumed.payload());
            if (parsed instanceof DocumentParser.Document document) {
                documents.add(document.document());
                documentOrigins.add(consumed);
            } else if (parsed instanceof DocumentParser.Unreadable unreadable) {
                LOG.warnf("Record %s-%d@%d is not a document: %s", consumed.source().topic(), consumed.source().partition(),
                        consumed.source().offset(), unreadable.cause().message());
                letters.add(consumed.deadLetter(unreadable.cause(), Optional.empty(), Instant.now()));
            }
        }

        Optional<List<BulkWrites.Rejection>> rejections = indexer.index(documents);
        if (rejections.isEmpty()) {
            return stoppedBeforeDone();
        }
        java.util.Set<Integer> rejected = new java.util.HashSet<>();
        for (BulkWrites.Rejection rejection : rejections.get()) {
            IncomingDocument document = documents.get(rejection.position());
            rejected.add(rejection.position());
            letters.add(documentOrigins.get(rejection.position())
                    .deadLetter(rejection.cause(), Optional.of(document.id()), Instant.now()));
        }

        List<IncomingDocument> indexed = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!rejected.contains(i)) {
                indexed.add(documents.get(i));
            }
        }
        if (!alerts.process(indexed)) {
            return stoppedBeforeDone();
        }

        if (!deadLetters.publish(letters)) {
            return stoppedBeforeDone();
        }
        return batch.ack();
    }

    /**
     * Neither ack nor nack: a nack would send the whole batch to the dead-letter topic. Left unacknowledged, its
     * offsets stay uncommitted and the records come again after the restart; the writes are idempotent.
     */
    private static CompletionStage<Void> stoppedBeforeDone() {
        LOG.info("Stopping before a batch was fully indexed; it will be consumed again after the restart");
        return CompletableFuture.completedFuture(null);
    }
}
