package org.commentarywatch.ingest.model;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /api/feeds}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "A feed to subscribe to (RSS 0.9x/1.0/2.0, Atom 1.0 or JSON Feed 1.1).")
public record FeedRequest(
        @Schema(required = true, description = "The feed's address, http or https.")
        String url,
        @Schema(description = "Base polling interval: seconds (\"900\"), or a duration (\"15m\", \"PT15M\"). "
                + "Default 15 minutes, bounded by commentary.feeds.min-interval and max-interval.",
                examples = { "900", "15m", "PT1H" })
        Optional<String> interval,
        List<String> tags) {

    public FeedRequest {
        url = url == null ? "" : url.strip();
        interval = interval == null ? Optional.empty() : interval.map(String::strip).filter(s -> !s.isEmpty());
        tags = tags == null ? List.of()
                : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
    }
}
