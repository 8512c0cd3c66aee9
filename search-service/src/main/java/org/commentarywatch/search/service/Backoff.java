package org.commentarywatch.search.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.commentarywatch.search.config.CommentaryConfig;

/**
 * Exponential pauses, capped, with jitter: several instances that lost Elasticsearch together should not all
 * come back in the same millisecond.
 */
public record Backoff(Duration initialDelay, Duration maxDelay) {

    public Backoff {
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("the initial delay must be positive, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("the maximum delay " + maxDelay + " is below the initial delay " + initialDelay);
        }
    }

    public static Backoff of(CommentaryConfig.Retry config) {
        return new Backoff(config.initialDelay(), config.maxDelay());
    }

    /** The ceiling for the pause after the {@code attempt}-th failure (1-based): doubles until it reaches the maximum. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, was " + attempt);
        }
        // Beyond 2^30 the product overflows long millis; the cap has long been reached by then anyway.
        int doublings = Math.min(attempt - 1, 30);
        long millis = initialDelay.toMillis() << doublings;
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    /** A pause between half the ceiling and the ceiling. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
