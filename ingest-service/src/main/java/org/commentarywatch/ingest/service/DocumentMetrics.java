package org.commentarywatch.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code commentary_documents_total{stage="ingest", outcome}}: what this stage did with what it was given. */
@ApplicationScoped
public class DocumentMetrics {

    private static final String NAME = "commentary.documents";

    private final Counter accepted;
    private final Counter rejected;
    private final Counter failed;

    public DocumentMetrics(MeterRegistry registry) {
        // Registered up front so that every outcome shows as 0 before it first happens: dashboards and alerts on
        // rates need the series to exist.
        this.accepted = counter(registry, "accepted");
        this.rejected = counter(registry, "rejected");
        this.failed = counter(registry, "failed");
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
}
