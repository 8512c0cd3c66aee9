package org.commentarywatch.search.service;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Lets the loops that wait for Elasticsearch or Kafka sleep without holding up shutdown: a pause ends at once
 * when the service starts to stop.
 */
@ApplicationScoped
public class ServiceLifecycle {

    private final CountDownLatch stopping = new CountDownLatch(1);

    void onShutdown(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    public boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** Sleeps for {@code duration}; false when the service began to stop meanwhile, and the caller should give up. */
    public boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
