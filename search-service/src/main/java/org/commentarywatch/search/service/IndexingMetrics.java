package org.commentarywatch.search.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/** {@code commentary_documents_total{stage="index", outcome}} and the latency of bulk requests. */
// Created at start-up, not on first use, so that the series exist (at zero) before the first batch arrives.
@Startup
@ApplicationScoped
public class IndexingMetrics {

    private static final String DOCUMENTS = "commentary.documents";

    private final Counter indexed;
    private final Counter retried;
    private final Counter deadLettered;
    private final Timer bulkLatency;
    private final Timer stageDuration;

    public IndexingMetrics(MeterRegistry registry) {
        this.indexed = documents(registry, "indexed");
        this.retried = documents(registry, "retried");
        this.deadLettered = documents(registry, "dead_lettered");
        this.bulkLatency = Timer.builder("commentary.index.bulk")
                .description("Time of one bulk request to Elasticsearch, failed ones included")
                .publishPercentileHistogram()
                .register(registry);
        // The same name and histogram in every service (commentary_stage_duration_seconds{stage}).
        this.stageDuration = Timer.builder("commentary.stage.duration")
                .description("Time a stage takes for one unit of its work (ingest: a document; enrich: a document; index: a batch)")
                .tag("stage", "index")
                .publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofMinutes(2))
                .register(registry);
    }

    private static Counter documents(MeterRegistry registry, String outcome) {
        return Counter.builder(DOCUMENTS)
                .description("Documents by what a stage did with them")
                .tag("stage", "index")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void indexed(int count) {
        indexed.increment(count);
    }

    /** Counted once per document and attempt that has to be repeated. */
    public void retried(int count) {
        retried.increment(count);
    }

    public void deadLettered(int count) {
        deadLettered.increment(count);
    }

    public Timer bulkLatency() {
        return bulkLatency;
    }

    /** One batch, from its arrival until every document is stored or refused for good (retries included). */
    public Timer stageDuration() {
        return stageDuration;
    }
}
