package org.commentarywatch.ingest.service;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code commentary_documents_total{stage="ingest", outcome}}: what this stage did with what it was given, and
 * {@code commentary_stage_duration_seconds{stage="ingest"}}: from a document ready to Kafka's acknowledgement.
 */
// Created at start-up, not on first use, so that the series exist (at zero) before the first submission.
@Startup
@ApplicationScoped
public class DocumentMetrics {

    private static final String NAME = "commentary.documents";

    private final Counter accepted;
    private final Counter rejected;
    private final Counter failed;
    private final Counter deadLettered;
    private final Timer stageDuration;

    public DocumentMetrics(MeterRegistry registry) {
        // Registered up front so that every outcome shows as 0 before it first happens: dashboards and alerts on
        // rates need the series to exist.
        this.accepted = counter(registry, "accepted");
        this.rejected = counter(registry, "rejected");
        this.failed = counter(registry, "failed");
        this.deadLettered = counter(registry, "dead_lettered");
        // The same name and histogram in every service: one dashboard query covers all stages.
        this.stageDuration = Timer.builder("commentary.stage.duration")
                .description("Time a stage takes for one unit of its work (ingest: a document; enrich: a document; index: a batch)")
                .tag("stage", "ingest")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(NAME)
                .description("Documents by pipeline stage and outcome")
                .tag("stage", "ingest")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Written to Kafka and acknowledged. */
    public void accepted() {
        accepted.increment();
    }

    /** Refused because of the submission itself: bad JSON, empty text, unknown label. */
    public void rejected() {
        rejected.increment();
    }

    /** Valid, but could not be written: Kafka refused or did not answer in time. */
    public void failed() {
        failed.increment();
    }

    /** A feed item that could not become a document, written to the dead-letter topic with its cause. */
    public void deadLettered() {
        deadLettered.increment();
    }

    public Timer stageDuration() {
        return stageDuration;
    }
}
