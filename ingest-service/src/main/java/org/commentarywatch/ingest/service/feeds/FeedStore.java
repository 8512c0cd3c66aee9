package org.commentarywatch.ingest.service.feeds;

import java.util.Collection;
import java.util.Optional;

import org.commentarywatch.ingest.messaging.CompactedTopic;
import org.commentarywatch.ingest.model.Feed;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feed subscriptions and their health in the compacted topic {@code commentary.feeds} (key = feed id, value =
 * {@link Feed} JSON, a tombstone on unsubscribe), mirrored in memory: a restarted service gets its subscriptions back
 * by {@link #load()}. Every change is acknowledged by Kafka before it counts. Not a CDI bean, so that a test can open a
 * second store on the same topic (a restart).
 */
public class FeedStore implements AutoCloseable {

    private final CompactedTopic<Feed> topic;

    public FeedStore(String bootstrapServers, String topic, ObjectMapper mapper) {
        this.topic = new CompactedTopic<>(bootstrapServers, topic, Feed.class, mapper,
                (message, cause) -> new FeedStoreUnavailableException("feed subscriptions: " + message, cause));
    }

    public boolean loaded() {
        return topic.loaded();
    }

    /**
     * Creates the topic when missing and reads it to its end. Idempotent once it succeeded.
     *
     * @throws FeedStoreUnavailableException when Kafka cannot be reached
     */
    public void load() {
        topic.load();
    }

    public Collection<Feed> all() {
        return topic.values();
    }

    public Optional<Feed> get(String id) {
        return topic.get(id);
    }

    /** Writes the feed and waits for Kafka's acknowledgement; only then is it visible in memory. */
    public void put(Feed feed) {
        topic.put(feed.feedId(), feed);
    }

    /** Writes a tombstone; compaction removes the feed from the topic. */
    public void delete(String id) {
        topic.delete(id);
    }

    @Override
    public void close() {
        topic.close();
    }
}
