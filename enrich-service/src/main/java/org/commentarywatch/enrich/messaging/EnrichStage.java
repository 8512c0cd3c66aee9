package org.commentarywatch.enrich.messaging;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.commentarywatch.enrich.model.DeadLetter;
import org.commentarywatch.enrich.model.Enrichment;
import org.commentarywatch.enrich.model.FailureType;
import org.commentarywatch.enrich.model.RawDocument;
import org.commentarywatch.enrich.service.DocumentCodec;
import org.commentarywatch.enrich.service.DocumentEnricher;
import org.commentarywatch.enrich.service.ReadOutcome;
import org.commentarywatch.enrich.service.corpus.SimilarityAnalysis;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * commentary.raw → enrich → commentary.enriched, or commentary.dlq with the cause.
 *
 * <p>A record is acknowledged (and its offset becomes committable) only once Kafka has acknowledged what was
 * written for it, enriched document or dead letter: a crash in between means a redelivery, which overwrites
 * the same key. Records are enriched by a pool of {@value #WORKERS} workers
 * ({@code smallrye.messaging.worker.enrich-workers.max-concurrency}, 3) in the order they arrive from all partitions:
 * one queue, so that a document never waits behind a long one of its own partition while a worker is free. Offsets
 * are still committed in order per partition (the throttled commit strategy), and {@link KeyedTurns} keeps the
 * records of one document in order.
 */
@ApplicationScoped
@Startup // registers its meters at boot, so that dashboards see the counters at 0 before the first record
public class EnrichStage {

    private static final Logger LOG = Logger.getLogger(EnrichStage.class);

    /** The worker pool of the stage; its size is {@code smallrye.messaging.worker.enrich-workers.max-concurrency}. */
    static final String WORKERS = "enrich-workers";

    private final DocumentCodec codec;
    private final DocumentEnricher enricher;
    private final MutinyEmitter<Record<String, String>> enriched;
    private final MutinyEmitter<Record<String, String>> deadLetters;
    private final Counter enrichedCount;
    private final Counter deadLetteredCount;
    private final Counter supersededCount;
    private final KeyedTurns turns = new KeyedTurns();
    private final Timer enrichmentTimer;
    private final Timer stageTimer;

    public EnrichStage(DocumentCodec codec, DocumentEnricher enricher,
            @Channel("enriched") MutinyEmitter<Record<String, String>> enriched,
            @Channel("dlq") MutinyEmitter<Record<String, String>> deadLetters,
            MeterRegistry registry) {
        this.codec = codec;
        this.enricher = enricher;
        this.enriched = enriched;
        this.deadLetters = deadLetters;
        this.enrichedCount = documentCounter(registry, "enriched");
        this.deadLetteredCount = documentCounter(registry, "dead_lettered");
        this.supersededCount = documentCounter(registry, "superseded");
        this.enrichmentTimer = Timer.builder("commentary.enrichment.duration")
                .description("Time to analyse one document, parsing and publishing excluded")
                .tag("stage", DeadLetter.STAGE)
                .register(registry);
        // The same name and histogram in every service (commentary_stage_duration_seconds{stage}): analysis plus
        // Kafka's acknowledgement of the enriched document.
        this.stageTimer = Timer.builder("commentary.stage.duration")
                .description("Time a stage takes for one unit of its work (ingest: a document; enrich: a document; index: a batch)")
                .tag("stage", DeadLetter.STAGE)
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofMinutes(2))
                .register(registry);
    }

    @Incoming("raw")
    // CPU work that must stay off the event loop; unordered: the next record goes to the next free worker.
    @Blocking(value = WORKERS, ordered = false)
    public Uni<Void> process(Message<String> record) {
        DeadLetter.Source source = sourceOf(record);
        KeyedTurns.Turn turn = source.key().map(key -> turns.take(source.partition(), key, source.offset()))
                .orElseGet(KeyedTurns::unordered);
        if (turn.superseded()) {
            LOG.debugf("%s is superseded by a later record of document %s; not published", describe(source),
                    source.key().orElse(""));
            supersededCount.increment();
            return Uni.createFrom().completionStage(record.ack());
        }
        try {
            turn.awaitPrevious();
        } catch (InterruptedException e) {
            // Stopping: neither acknowledged nor dead-lettered, so the record is redelivered.
            Thread.currentThread().interrupt();
            turn.finish();
            return Uni.createFrom().nothing();
        }
        String value = record.getPayload();
        ReadOutcome outcome = codec.read(value);
        Uni<Void> written = outcome instanceof ReadOutcome.Readable readable
                ? publishEnriched(readable.document(), source, value)
                : deadLetter((ReadOutcome.Unreadable) outcome, source, value);
        return written.onItemOrFailure().transformToUni((done, failure) -> {
            if (failure == null) {
                return Uni.createFrom().completionStage(record.ack());
            }
            // Neither output took it: the connector's dead-letter queue is the safety net.
            LOG.errorf(failure, "could not write the outcome of %s; handing the record to the failure strategy",
                    describe(source));
            return Uni.createFrom().completionStage(record.nack(failure));
        }).eventually(turn::finish);
    }

    private Uni<Void> publishEnriched(RawDocument document, DeadLetter.Source source, String value) {
        Timer.Sample stage = Timer.start();
        String enrichedDocument;
        try {
            // Waits (retrying, the partition paused) while the corpus cannot be asked: no "novel" by default.
            Enrichment enrichment = enrichmentTimer.record(() -> enricher.enrich(document.documentText(),
                    SimilarityAnalysis.Query.stage(document.id())));
            enrichedDocument = codec.writeEnriched(document, enrichment);
        } catch (SimilarityAnalysis.Interrupted e) {
            // Shutting down mid-wait: neither acknowledged nor dead-lettered, so the record is redelivered.
            LOG.infof("stopped before document %s could be placed against the corpus; it will be redelivered",
                    document.id());
            return Uni.createFrom().nothing();
        } catch (RuntimeException e) {
            LOG.errorf(e, "enrichment of document %s failed", document.id());
            return deadLetter(FailureType.ENRICHMENT_FAILED, "enrichment failed: " + e, source,
                    Optional.of(document.id()), value);
        }
        return enriched.send(Record.of(document.id(), enrichedDocument))
                .invoke(() -> {
                    enrichedCount.increment();
                    stage.stop(stageTimer);
                })
                .onFailure().recoverWithUni(e -> deadLetter(FailureType.PUBLISH_FAILED,
                        "Kafka refused the enriched document: " + e, source, Optional.of(document.id()), value));
    }

    private Uni<Void> deadLetter(ReadOutcome.Unreadable unreadable, DeadLetter.Source source, String value) {
        return deadLetter(unreadable.type(), unreadable.message(), source, unreadable.documentId(), value);
    }

    private Uni<Void> deadLetter(FailureType type, String message, DeadLetter.Source source,
            Optional<String> documentId, String value) {
        LOG.warnf("dead-lettering %s: %s: %s", describe(source), type.code(), message);
        DeadLetter deadLetter = DeadLetter.of(type, message, source, documentId, value == null ? "" : value,
                Instant.now());
        // Keyed like the document when there is an id, so that its dead letters sit together in one partition.
        String key = documentId.or(source::key).orElse(null);
        return deadLetters.send(Record.of(key, codec.writeDeadLetter(deadLetter)))
                .invoke(() -> deadLetteredCount.increment());
    }

    private static DeadLetter.Source sourceOf(Message<String> record) {
        IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("channel raw must be a Kafka channel"));
        return new DeadLetter.Source(metadata.getTopic(), metadata.getPartition(), metadata.getOffset(),
                Optional.ofNullable(metadata.getKey()).map(String::valueOf));
    }

    private static String describe(DeadLetter.Source source) {
        return source.topic() + "-" + source.partition() + "@" + source.offset();
    }

    private static Counter documentCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("commentary.documents")
                .description("Documents each stage has handled, by outcome")
                .tag("stage", DeadLetter.STAGE)
                .tag("outcome", outcome)
                .register(registry);
    }
}
