package org.commentarywatch.ingest.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A feed subscription with its health: the value of a record on {@code commentary.feeds} (key = feed id), and the
 * body of the feed API. {@code interval_seconds} is what was subscribed; {@code effective_interval_seconds} is the
 * adaptive interval now in use. {@code etag}, {@code last_modified} and {@code seen_ids} are the poller's memory
 * (conditional GET, items already emitted); {@code seen_ids} is bounded, newest last. {@code items_failed} counts the
 * items of the last fetch that became dead letters on {@code commentary.dlq} instead of documents (their page could
 * not be fetched or read and the feed carried no content of its own), {@code items_failed_total} all of them since
 * the subscription.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Feed(
        String feedId,
        String url,
        List<String> tags,
        long intervalSeconds,
        long effectiveIntervalSeconds,
        Instant created,
        Optional<Instant> lastFetch,
        Optional<Instant> lastSuccess,
        Optional<Integer> httpStatus,
        int consecutiveFailures,
        long itemsSeen,
        long itemsNew,
        Optional<Instant> nextFetch,
        Optional<String> lastError,
        Optional<String> etag,
        Optional<String> lastModified,
        List<String> seenIds,
        long itemsFailed,
        long itemsFailedTotal) {

    public Feed {
        tags = tags == null ? List.of() : List.copyOf(tags);
        seenIds = seenIds == null ? List.of() : List.copyOf(seenIds);
        lastFetch = opt(lastFetch);
        lastSuccess = opt(lastSuccess);
        httpStatus = opt(httpStatus);
        nextFetch = opt(nextFetch);
        lastError = opt(lastError);
        etag = opt(etag);
        lastModified = opt(lastModified);
    }

    private static <T> Optional<T> opt(Optional<T> o) {
        return o == null ? Optional.empty() : o;
    }

    public static Feed subscribe(String id, String url, List<String> tags, long intervalSeconds, Instant now) {
        return new Feed(id, url, tags, intervalSeconds, intervalSeconds, now, Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, 0, Optional.of(now), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), 0, 0);
    }
}
