package org.commentarywatch.ingest.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.RawDocument;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Exact duplicates under another URL: the content (by {@link DocumentIds#fingerprint}) is emitted once, by the
 * document that brought it first; a later URL with the same content re-emits that document with the URL added to
 * {@code also_seen_at} instead of a document of its own. The same document submitted again (same id) is always
 * emitted: an edited page is an update, and the record replaces itself downstream.
 */
@ApplicationScoped
public class SeenContent {

    private static final Logger LOG = Logger.getLogger(SeenContent.class);

    /** More URLs for one text add nothing an analyst uses; the record stays small. */
    static final int MAX_ALSO_SEEN_AT = 100;

    private final SeenContentStore store;

    public SeenContent(CommentaryConfig config, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.store = new SeenContentStore(bootstrapServers, config.topics().fingerprints(), mapper);
    }

    void onStart(@Observes StartupEvent event) {
        // In the background: with Kafka away the start is not held up; the first document then waits for it.
        Thread loader = new Thread(() -> {
            try {
                store.load();
            } catch (SeenContentUnavailableException e) {
                LOG.warn(e.getMessage() + "; tried again with the next document");
            }
        }, "seen-content-load");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        store.close();
    }

    /**
     * What a document about to be published becomes, given the content already seen.
     *
     * @param fingerprint of the document's text
     * @param documentId the id holding the content afterwards (the earlier document's for a duplicate)
     * @param emit what to write to {@code commentary.raw}; empty when the duplicate adds nothing new
     * @param before what the memory held for the fingerprint, restored when the write fails
     */
    public record Admission(String fingerprint, String documentId, Optional<RawDocument> emit,
            Optional<RawDocument> before) {
    }

    /**
     * Decides and reserves at once (synchronized), so that two submissions of the same content racing each other
     * cannot both become documents.
     *
     * @throws SeenContentUnavailableException when the memory cannot be read (Kafka away)
     */
    public Admission admit(RawDocument document) {
        // Outside the decision's lock: a first read of the topic (or Kafka being away) takes seconds and must not
        // hold up, or time out, decisions that need nothing from Kafka.
        store.load();
        return decideAndReserve(document);
    }

    private synchronized Admission decideAndReserve(RawDocument document) {
        String fingerprint = DocumentIds.fingerprint(document.text());
        Optional<RawDocument> before = store.get(fingerprint);
        Optional<RawDocument> emit = decide(before, document);
        emit.ifPresent(d -> store.remember(fingerprint, d));
        String holder = before.filter(b -> !b.id().equals(document.id())).map(RawDocument::id).orElse(document.id());
        return new Admission(fingerprint, holder, emit, before);
    }

    /** Once {@code commentary.raw} acknowledged: the memory is written too. */
    public Uni<Void> stored(Admission admission) {
        // On a worker: otherwise this runs on whichever Kafka thread delivered commentary.raw's acknowledgement, and
        // the fingerprint producer's send may block there while it fetches the topic's metadata.
        return Uni.createFrom().completionStage(() -> store.write(admission.fingerprint()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(error -> {
                    // The document is stored; only the memory of it is not durable. Worst case after a restart: a
                    // duplicate of it under another URL becomes a document of its own.
                    LOG.warnf("fingerprint of %s not written to the topic: %s", admission.documentId(), error);
                    return null;
                });
    }

    /** The document was not stored: the memory must not claim it was. */
    public synchronized void notStored(Admission admission) {
        admission.emit().ifPresent(d -> store.forget(admission.fingerprint(), d.id(), admission.before()));
    }

    /**
     * @param seen the document already holding this content (text left out), if any
     * @return the document to emit: the incoming one (new content, or the same id again, keeping the URLs it was
     *         also seen at), the earlier one with the incoming URL added, or nothing when that URL is known already
     */
    static Optional<RawDocument> decide(Optional<RawDocument> seen, RawDocument incoming) {
        if (seen.isEmpty()) {
            return Optional.of(incoming);
        }
        RawDocument original = seen.get();
        if (original.id().equals(incoming.id())) {
            return Optional.of(incoming.withAlsoSeenAt(original.alsoSeenAt()));
        }
        Optional<String> newUrl = incoming.url()
                .filter(url -> !original.url().equals(Optional.of(url)) && !original.alsoSeenAt().contains(url));
        if (newUrl.isEmpty() || original.alsoSeenAt().size() >= MAX_ALSO_SEEN_AT) {
            return Optional.empty();
        }
        List<String> urls = new ArrayList<>(original.alsoSeenAt());
        urls.add(newUrl.get());
        return Optional.of(original.withText(incoming.text()).withAlsoSeenAt(urls));
    }
}
