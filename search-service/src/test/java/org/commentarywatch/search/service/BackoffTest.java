package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    @Test
    void pausesDoubleAfterEachFailure() {
        assertEquals(Duration.ofMillis(200), backoff.ceiling(1));
        assertEquals(Duration.ofMillis(400), backoff.ceiling(2));
        assertEquals(Duration.ofMillis(800), backoff.ceiling(3));
    }

    @Test
    void pausesStopGrowingAtTheMaximumHoweverLongTheOutage() {
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(9));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(10_000));
    }

    @Test
    void jitteredPausesStayBetweenHalfTheCeilingAndTheCeiling() {
        for (int attempt = 1; attempt < 20; attempt++) {
            Duration delay = backoff.delay(attempt);
            Duration ceiling = backoff.ceiling(attempt);
            assertTrue(delay.compareTo(ceiling.dividedBy(2)) >= 0 && delay.compareTo(ceiling) <= 0, delay + " vs " + ceiling);
        }
    }

    @Test
    void aMaximumBelowTheFirstPauseIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
