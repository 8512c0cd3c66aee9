package org.commentarywatch.search.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** {@code commentary_webhook_deliveries_total{outcome}}: what became of each webhook call attempt. */
// Created at start-up so that every outcome shows (at zero) before the first alert.
@Startup
@ApplicationScoped
public class WebhookMetrics {

    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final Counter held;

    public WebhookMetrics(MeterRegistry registry) {
        this.delivered = counter(registry, "delivered");
        this.retried = counter(registry, "retried");
        this.failed = counter(registry, "failed");
        this.held = counter(registry, "held");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("commentary.webhook.deliveries")
                .description("Webhook delivery attempts by outcome: delivered, retried (will be tried again), "
                        + "failed (given up), held (throttled into a later digest)")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void delivered() {
        delivered.increment();
    }

    public void retried() {
        retried.increment();
    }

    public void failed() {
        failed.increment();
    }

    public void held() {
        held.increment();
    }
}
