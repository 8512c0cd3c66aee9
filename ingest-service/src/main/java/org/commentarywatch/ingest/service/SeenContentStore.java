package org.commentarywatch.ingest.service;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.commentarywatch.ingest.messaging.CompactedTopic;
import org.commentarywatch.ingest.model.RawDocument;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Content already emitted, in the compacted topic {@code commentary.fingerprints} (key = content fingerprint, value =
 * the document that holds the content, without its text), mirrored in memory: a restarted service still recognises
 * content it emitted before once {@link #load()} read the topic. Not a CDI bean, so that a test can open a second
 * store on the same topic (a restart).
 */
public class SeenContentStore implements AutoCloseable {

    private final CompactedTopic<RawDocument> topic;

    public SeenContentStore(String bootstrapServers, String topic, ObjectMapper mapper) {
        this.topic = new CompactedTopic<>(bootstrapServers, topic, RawDocument.class, mapper,
                (message, cause) -> new SeenContentUnavailableException("content already seen: " + message, cause));
    }

    /**
     * Creates the topic when missing and reads it to its end. Idempotent once it succeeded.
     *
     * @throws SeenContentUnavailableException when Kafka cannot be reached
     */
    public void load() {
        topic.load();
    }

    /** The document holding this content (its text left out), if any was emitted. */
    public Optional<RawDocument> get(String fingerprint) {
        return topic.get(fingerprint);
    }

    /** Memory only, at once: a concurrent submission of the same content must see it before Kafka has it. */
    void remember(String fingerprint, RawDocument holder) {
        topic.remember(fingerprint, holder.withText(""));
    }

    /** Undoes {@link #remember} when the document it announced was not stored after all. */
    void forget(String fingerprint, String documentId, Optional<RawDocument> before) {
        topic.rememberIfPresent(fingerprint, current -> current.id().equals(documentId) ? before.orElse(null) : current);
    }

    /** Writes what {@link #remember} holds for the fingerprint; completes once Kafka acknowledged it. */
    CompletableFuture<Void> write(String fingerprint) {
        return topic.write(fingerprint);
    }

    @Override
    public void close() {
        topic.close();
    }
}
