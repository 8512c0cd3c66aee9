package org.commentarywatch.ingest.service.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a feed, whatever its format. {@code html} is HTML content (or summary) when the feed gave HTML,
 * {@code text} plain text when it gave text; at most one of them is used, HTML first.
 */
public record FeedItem(Optional<String> guid, Optional<String> title, Optional<String> link, List<String> authors,
        Optional<Instant> published, Optional<String> html, Optional<String> text) {
}
