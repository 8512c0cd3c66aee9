package org.commentarywatch.search.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A feed subscription and its health as ingest-service publishes it on {@code commentary.feeds} (key = feed id),
 * read tolerantly, and as it is indexed in {@code commentary-feeds}. What the poller keeps for itself (ETag,
 * Last-Modified, the ids of items already seen) is not read: the dashboard has no use for it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record FeedState(String feedId, Optional<String> url, List<String> tags, long intervalSeconds,
                        long effectiveIntervalSeconds, Optional<Instant> created, Optional<Instant> lastFetch,
                        Optional<Instant> lastSuccess, Optional<Instant> nextFetch, Optional<Integer> httpStatus,
                        int consecutiveFailures, long itemsSeen, long itemsNew, Optional<String> lastError) {

    /** The mapping keeps {@code last_error} searchable up to this length; longer messages are cut. */
    public static final int MAX_ERROR_LENGTH = 1024;

    public FeedState {
        if (feedId == null || feedId.isBlank()) {
            throw new IllegalArgumentException("a feed without feed_id");
        }
        url = absentIfNull(url);
        tags = tags == null ? List.of() : List.copyOf(tags);
        created = absentIfNull(created);
        lastFetch = absentIfNull(lastFetch);
        lastSuccess = absentIfNull(lastSuccess);
        nextFetch = absentIfNull(nextFetch);
        httpStatus = absentIfNull(httpStatus);
        lastError = absentIfNull(lastError)
                .map(error -> error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
    }

    // Jackson hands a missing Optional property to the canonical constructor as null.
    private static <T> Optional<T> absentIfNull(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
