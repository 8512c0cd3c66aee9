package org.commentarywatch.search.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.commentarywatch.search.client.IndexAdminClient;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.FeedState;

/**
 * The feeds index: one document per feed ({@code _id} = the feed's record key), its latest state, or none once the
 * feed is gone. Created at start from {@code elasticsearch/<index>.json}, in the background like
 * {@link IndexBootstrap}. Writes go through {@link BulkWrites}, like the documents'.
 */
@ApplicationScoped
public class FeedStateIndex {

    private static final Logger LOG = Logger.getLogger(FeedStateIndex.class);

    /** What a record on the feeds topic asks for. */
    public sealed interface Change {
        String id();
    }

    /** The feed's state is now this. */
    public record Put(String id, FeedState state) implements Change {
        public Put {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The feed is gone (a tombstone). */
    public record Remove(String id) implements Change {
        public Remove {
            Objects.requireNonNull(id, "id");
        }
    }

    private final BulkWrites writes;
    private final IndexAdminClient admin;
    private final ObjectMapper mapper;
    private final ServiceLifecycle lifecycle;
    private final Backoff backoff;
    private final String index;
    private final ObjectNode definition;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "commentary-feeds-index-bootstrap");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean ready;

    public FeedStateIndex(BulkWrites writes, IndexAdminClient admin, ObjectMapper mapper,
                          ServiceLifecycle lifecycle, CommentaryConfig config) {
        this.writes = writes;
        this.admin = admin;
        this.mapper = mapper;
        this.lifecycle = lifecycle;
        this.backoff = Backoff.of(config.retry());
        this.index = config.index().feeds();
        this.definition = definition("elasticsearch/" + index + ".json", mapper);
    }

    void onStart(@Observes StartupEvent event) {
        worker.execute(() -> {
            for (int failures = 1; !lifecycle.isStopping() && !ensureIndex(); failures++) {
                if (!lifecycle.pause(backoff.delay(failures))) {
                    return;
                }
            }
        });
    }

    void onShutdown(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public String index() {
        return index;
    }

    /**
     * Applies the changes in order; returns once each is stored or refused for good, blocking meanwhile.
     *
     * @return the refused changes; empty when the service began to stop first, in which case nothing may be
     *         acknowledged
     */
    public Optional<List<BulkWrites.Rejection>> apply(List<Change> changes) {
        return writes.write(changes.size(), new BulkWrites.Target() {
            @Override
            public String items() {
                return "feed changes";
            }

            @Override
            public boolean ready() {
                // Writing before the index exists would auto-create it with a guessed mapping.
                return ensureIndex();
            }

            @Override
            public void indexMissing() {
                ready = false;
            }

            @Override
            public BulkRequest request(List<Integer> positions) {
                return FeedStateIndex.this.request(changes, positions);
            }

            @Override
            public BulkOutcome outcome(BulkResponseItem item) {
                // Removing a feed that was never indexed (or is gone already) leaves the index as wanted.
                boolean alreadyGone = item.operationType() == OperationType.Delete && item.status() == 404
                        && item.error() == null;
                return alreadyGone ? BulkOutcome.INDEXED : BulkOutcome.classify(item);
            }
        });
    }

    private boolean ensureIndex() {
        if (ready) {
            return true;
        }
        try {
            if (admin.createIndexWith(index, definition)) {
                LOG.infof("Created the index %s", index);
            }
            ready = true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot set up the index %s yet, will retry: %s", index, e.toString());
        }
        return ready;
    }

    private BulkRequest request(List<Change> changes, List<Integer> pending) {
        String indexedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return BulkRequest.of(bulk -> {
            bulk.index(index);
            for (int position : pending) {
                Change change = changes.get(position);
                if (change instanceof Put put) {
                    ObjectNode document = mapper.valueToTree(put.state());
                    document.put("indexed_at", indexedAt);
                    bulk.operations(op -> op.index(ix -> ix.id(put.id()).document(document)));
                } else {
                    bulk.operations(op -> op.delete(delete -> delete.id(change.id())));
                }
            }
            return bulk;
        });
    }

    private static ObjectNode definition(String resource, ObjectMapper mapper) {
        try (InputStream in = FeedStateIndex.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no index definition " + resource + " on the classpath");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
