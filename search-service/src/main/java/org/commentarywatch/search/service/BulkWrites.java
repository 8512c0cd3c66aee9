package org.commentarywatch.search.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.DeadLetterRecord;

/**
 * The bulk-writing core of the indexing stages: one bulk request per attempt for what is still pending, each item's
 * outcome checked; what Elasticsearch cannot take now is sent again with growing pauses for as long as it takes,
 * what it refuses for good is handed back to be dead-lettered. Blocking meanwhile is what holds back consumption
 * while Elasticsearch is away.
 */
@ApplicationScoped
public class BulkWrites {

    private static final Logger LOG = Logger.getLogger(BulkWrites.class);

    /** An item Elasticsearch will not take, by its position in the list written. */
    public record Rejection(int position, DeadLetterRecord.Cause cause) {
        public Rejection {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** What one writer adds to the core: its target index, its request, and what it counts. */
    public interface Target {

        /** What the items are, for the log: "documents", "feed changes". */
        String items();

        /** Whether the index can be written to; until it is, nothing is sent (it would be auto-created). */
        boolean ready();

        /** Elasticsearch said the index is missing: look again before the next attempt. */
        void indexMissing();

        /** The bulk request for the items at these positions, in this order. */
        BulkRequest request(List<Integer> positions);

        default BulkOutcome outcome(BulkResponseItem item) {
            return BulkOutcome.classify(item);
        }

        /** Called around each bulk request with how it went; nothing by default. */
        default void attempted(long nanos, int indexed, int retried) {
        }
    }

    private final ElasticsearchClient client;
    private final ServiceLifecycle lifecycle;
    private final Backoff backoff;

    public BulkWrites(ElasticsearchClient client, ServiceLifecycle lifecycle, CommentaryConfig config) {
        this.client = client;
        this.lifecycle = lifecycle;
        this.backoff = Backoff.of(config.retry());
    }

    /**
     * Returns once each of the {@code count} items is stored or refused for good.
     *
     * @return the refused items; empty when the service began to stop first, in which case nothing written here
     *         may be acknowledged
     */
    public Optional<List<Rejection>> write(int count, Target target) {
        List<Rejection> rejections = new ArrayList<>();
        List<Integer> pending = IntStream.range(0, count).boxed().toList();
        for (int failures = 0; !pending.isEmpty(); failures++) {
            if (failures > 0 && !lifecycle.pause(backoff.delay(failures))) {
                return Optional.empty();
            }
            if (lifecycle.isStopping()) {
                return Optional.empty();
            }
            if (!target.ready()) {
                LOG.debugf("Waiting for the index before writing %d %s", pending.size(), target.items());
                continue;
            }
            pending = attempt(target, pending, rejections);
        }
        return Optional.of(rejections);
    }

    /** One bulk request for the pending positions; returns the positions to try again. */
    private List<Integer> attempt(Target target, List<Integer> pending, List<Rejection> rejections) {
        BulkRequest request = target.request(pending);
        long start = System.nanoTime();
        BulkResponse response;
        try {
            response = client.bulk(request);
        } catch (IOException e) {
            LOG.warnf("Elasticsearch unreachable for a bulk of %d %s, will retry: %s", pending.size(), target.items(),
                    e.toString());
            target.attempted(System.nanoTime() - start, 0, pending.size());
            return pending;
        } catch (ElasticsearchException e) {
            List<Integer> retry = wholeRequestFailed(target, e, pending, rejections);
            target.attempted(System.nanoTime() - start, 0, retry.size());
            return retry;
        }

        List<Integer> retry = new ArrayList<>();
        int indexed = 0;
        boolean indexMissing = false;
        String retryReason = "";
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            int position = pending.get(i);
            Optional<ErrorCause> error = Optional.ofNullable(item.error());
            switch (target.outcome(item)) {
                case INDEXED -> indexed++;
                case RETRY -> {
                    retry.add(position);
                    indexMissing |= BulkOutcome.indexMissing(error);
                    retryReason = BulkOutcome.describe(item.status(), error);
                }
                case DEAD_LETTER -> {
                    String reason = BulkOutcome.describe(item.status(), error);
                    LOG.warnf("Elasticsearch refused %s: %s", item.id(), reason);
                    rejections.add(new Rejection(position, new DeadLetterRecord.Cause(BulkOutcome.causeType(error), reason)));
                }
            }
        }
        target.attempted(System.nanoTime() - start, indexed, retry.size());
        if (!retry.isEmpty()) {
            LOG.warnf("Elasticsearch could not take %d of %d %s now, will retry: %s", retry.size(), pending.size(),
                    target.items(), retryReason);
            if (indexMissing) {
                target.indexMissing();
            }
        }
        return retry;
    }

    private static List<Integer> wholeRequestFailed(Target target, ElasticsearchException e, List<Integer> pending,
                                                    List<Rejection> rejections) {
        Optional<ErrorCause> error = Optional.ofNullable(e.error());
        String reason = BulkOutcome.describe(e.status(), error);
        if (BulkOutcome.classify(e.status(), error) == BulkOutcome.DEAD_LETTER) {
            // Retrying an identical request cannot change the answer; the payloads stay replayable in the DLQ.
            LOG.errorf("Elasticsearch refused a whole bulk of %d %s: %s", pending.size(), target.items(), reason);
            DeadLetterRecord.Cause cause = new DeadLetterRecord.Cause("bulk_rejected", reason);
            pending.forEach(position -> rejections.add(new Rejection(position, cause)));
            return List.of();
        }
        LOG.warnf("Elasticsearch could not take a bulk of %d %s now, will retry: %s", pending.size(), target.items(), reason);
        if (BulkOutcome.indexMissing(error)) {
            target.indexMissing();
        }
        return pending;
    }
}
