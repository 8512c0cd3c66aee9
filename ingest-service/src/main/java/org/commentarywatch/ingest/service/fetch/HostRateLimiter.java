package org.commentarywatch.ingest.service.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Politeness per host: hands out request slots so that two requests to one host are at least the asked interval
 * apart (the configured minimum, or the host's robots.txt Crawl-delay). It only computes; the caller waits. A slot is
 * reserved when it is handed out, so concurrent callers queue up behind each other instead of all going at once.
 */
final class HostRateLimiter {

    /** Hosts not asked for since this long are forgotten; the map would otherwise grow with every host ever seen. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Instant> lastSlot = new HashMap<>();

    HostRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reserves the next request to {@code host}: no earlier than {@code interval} after the previous one.
     *
     * @return how long the caller must wait before sending it (zero when it may go now)
     */
    synchronized Duration reserve(String host, Duration interval) {
        Instant now = clock.instant();
        Instant previous = lastSlot.get(host);
        Instant slot = previous == null || !previous.plus(interval).isAfter(now) ? now : previous.plus(interval);
        lastSlot.put(host, slot);
        if (lastSlot.size() > PRUNE_ABOVE) {
            lastSlot.values().removeIf(t -> t.isBefore(now.minus(Duration.ofHours(1))));
        }
        return Duration.between(now, slot);
    }
}
