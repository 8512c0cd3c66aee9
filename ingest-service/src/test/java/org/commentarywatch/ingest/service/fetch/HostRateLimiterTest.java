package org.commentarywatch.ingest.service.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HostRateLimiterTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    private final HostRateLimiter limiter = new HostRateLimiter(clock);

    @Test
    void theFirstRequestToAHostGoesAtOnceAndTheNextWaitsTheInterval() {
        assertEquals(Duration.ZERO, limiter.reserve("a.example", SECOND));
        assertEquals(SECOND, limiter.reserve("a.example", SECOND));
    }

    @Test
    void requestsQueuedTogetherAreSpacedOneIntervalApart() {
        assertEquals(Duration.ZERO, limiter.reserve("a.example", SECOND));
        assertEquals(SECOND, limiter.reserve("a.example", SECOND));
        assertEquals(Duration.ofSeconds(2), limiter.reserve("a.example", SECOND));
        clock.advance(Duration.ofMillis(2500));
        assertEquals(Duration.ofMillis(500), limiter.reserve("a.example", SECOND));
    }

    @Test
    void otherHostsDoNotWaitForEachOther() {
        assertEquals(Duration.ZERO, limiter.reserve("a.example", SECOND));
        assertEquals(Duration.ZERO, limiter.reserve("b.example", SECOND));
        assertEquals(SECOND, limiter.reserve("a.example", SECOND));
    }

    @Test
    void aRequestAfterTheIntervalHasPassedGoesAtOnce() {
        limiter.reserve("a.example", SECOND);
        clock.advance(Duration.ofMillis(1001));
        assertEquals(Duration.ZERO, limiter.reserve("a.example", SECOND));
    }

    @Test
    void aLongerIntervalAskedByTheHostsCrawlDelaySpacesTheNextRequest() {
        limiter.reserve("a.example", SECOND);
        assertEquals(Duration.ofSeconds(10), limiter.reserve("a.example", Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(4));
        assertEquals(Duration.ofSeconds(16), limiter.reserve("a.example", Duration.ofSeconds(10)));
    }
}
