package org.commentarywatch.search.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.commentarywatch.search.client.IndexAdminClient;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.DeadLetterRecord;
import org.commentarywatch.search.model.FeedState;

/**
 * The feeds index: one document per feed ({@code _id} = the feed's record key), its latest state, or none once the
 * feed is gone. Created at start from {@code elasticsearch/<index>.json}, in the background like
 * {@link IndexBootstrap}. Writes wait out Elasticsearch being away, like {@link BulkIndexer}.
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

    /** A change Elasticsearch will not take, by its position in the list given to {@link #apply}. */
    public record Rejection(int position, DeadLetterRecord.Cause cause) {
        public Rejection {
            Objects.requireNonNull(cause, "cause");
        }
    }

    private final ElasticsearchClient client;
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

    public FeedStateIndex(ElasticsearchClient client, IndexAdminClient admin, ObjectMapper mapper,
                          ServiceLifecycle lifecycle, CommentaryConfig config) {
        this.client = client;
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
    public Optional<List<Rejection>> apply(List<Change> changes) {
        List<Rejection> rejections = new ArrayList<>();
        List<Integer> pending = IntStream.range(0, changes.size()).boxed().toList();
        for (int failures = 0; !pending.isEmpty(); failures++) {
            if (failures > 0 && !lifecycle.pause(backoff.delay(failures))) {
                return Optional.empty();
            }
            if (lifecycle.isStopping()) {
                return Optional.empty();
            }
            // Writing before the index exists would auto-create it with a guessed mapping.
            if (ensureIndex()) {
                pending = attempt(changes, pending, rejections);
            }
        }
        return Optional.of(rejections);
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

    /** One bulk request for the pending positions; returns the positions to try again. */
    private List<Integer> attempt(List<Change> changes, List<Integer> pending, List<Rejection> rejections) {
        BulkResponse response;
        try {
            response = client.bulk(request(changes, pending));
        } catch (IOException e) {
            LOG.warnf("Elasticsearch unreachable for %d feed changes, will retry: %s", pending.size(), e.toString());
            return pending;
        } catch (ElasticsearchException e) {
            Optional<ErrorCause> error = Optional.ofNullable(e.error());
            String reason = BulkOutcome.describe(e.status(), error);
            if (BulkOutcome.classify(e.status(), error) == BulkOutcome.DEAD_LETTER) {
                LOG.errorf("Elasticsearch refused a whole bulk of %d feed changes: %s", pending.size(), reason);
                pending.forEach(position -> rejections.add(
                        new Rejection(position, new DeadLetterRecord.Cause("bulk_rejected", reason))));
                return List.of();
            }
            LOG.warnf("Elasticsearch could not take %d feed changes now, will retry: %s", pending.size(), reason);
            ready &= !BulkOutcome.indexMissing(error);
            return pending;
        }
        List<Integer> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            Optional<ErrorCause> error = Optional.ofNullable(item.error());
            // Removing a feed that was never indexed (or is gone already) leaves the index as wanted.
            boolean alreadyGone = item.operationType() == OperationType.Delete && item.status() == 404 && error.isEmpty();
            BulkOutcome outcome = alreadyGone ? BulkOutcome.INDEXED : BulkOutcome.classify(item);
            if (outcome == BulkOutcome.RETRY) {
                retry.add(pending.get(i));
                ready &= !BulkOutcome.indexMissing(error);
            } else if (outcome == BulkOutcome.DEAD_LETTER) {
                String reason = BulkOutcome.describe(item.status(), error);
                LOG.warnf("Feed %s refused by Elasticsearch: %s", item.id(), reason);
                rejections.add(new Rejection(pending.get(i), new DeadLetterRecord.Cause(BulkOutcome.causeType(error), reason)));
            }
        }
        if (!retry.isEmpty()) {
            LOG.warnf("Elasticsearch could not take %d of %d feed changes now, will retry", retry.size(), pending.size());
        }
        return retry;
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
