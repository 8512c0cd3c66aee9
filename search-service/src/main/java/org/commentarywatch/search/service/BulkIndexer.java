package org.commentarywatch.search.service;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import io.micrometer.core.instrument.Timer;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.DeadLetterRecord;
import org.commentarywatch.search.model.IncomingDocument;

/**
 * Writes documents to the alias with one bulk request per attempt, keyed by document id so that a redelivered
 * record overwrites its earlier copy. Documents Elasticsearch cannot take now are sent again, with growing
 * pauses, for as long as it takes; documents it refuses for good are handed back to be dead-lettered.
 */
@ApplicationScoped
public class BulkIndexer {

    private static final Logger LOG = Logger.getLogger(BulkIndexer.class);

    /** A document Elasticsearch will not take, by its position in the list given to {@link #index}. */
    public record Rejection(int position, DeadLetterRecord.Cause cause) {
        public Rejection {
            Objects.requireNonNull(cause, "cause");
        }
    }

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final IndexBootstrap bootstrap;
    private final IndexingMetrics metrics;
    private final ServiceLifecycle lifecycle;
    private final Backoff backoff;

    public BulkIndexer(ElasticsearchClient client, CommentaryConfig config, IndexBootstrap bootstrap,
                       IndexingMetrics metrics, ServiceLifecycle lifecycle) {
        this.client = client;
        this.layout = IndexLayout.of(config.index());
        this.bootstrap = bootstrap;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.backoff = Backoff.of(config.retry());
    }

    /**
     * Returns once every document is either stored or refused for good; blocks meanwhile, which is what holds
     * back consumption while Elasticsearch is away.
     *
     * @return the refused documents; empty when the service began to stop first, in which case nothing of this
     *         batch may be acknowledged
     */
    public Optional<List<Rejection>> index(List<IncomingDocument> documents) {
        Timer.Sample stage = Timer.start();
        List<Rejection> rejections = new ArrayList<>();
        List<Integer> pending = IntStream.range(0, documents.size()).boxed().toList();
        for (int failures = 0; !pending.isEmpty(); failures++) {
            if (failures > 0 && !lifecycle.pause(backoff.delay(failures))) {
                return Optional.empty();
            }
            if (lifecycle.isStopping()) {
                return Optional.empty();
            }
            if (!bootstrap.isReady()) {
                // Writing before the alias exists would either fail or, without require_alias, auto-create a
                // concrete index under the alias's name with a guessed mapping.
                LOG.debugf("Waiting for the index %s before indexing %d documents", layout.alias(), pending.size());
                continue;
            }
            pending = attempt(documents, pending, rejections);
        }
        stage.stop(metrics.stageDuration());
        return Optional.of(rejections);
    }

    /** One bulk request for the pending positions; returns the positions to try again. */
    private List<Integer> attempt(List<IncomingDocument> documents, List<Integer> pending, List<Rejection> rejections) {
        BulkRequest request = bulkRequest(documents, pending);
        BulkResponse response;
        Timer.Sample sample = Timer.start();
        try {
            response = client.bulk(request);
        } catch (IOException e) {
            LOG.warnf("Elasticsearch unreachable for a bulk of %d documents, will retry: %s", pending.size(), e.toString());
            metrics.retried(pending.size());
            return pending;
        } catch (ElasticsearchException e) {
            return wholeRequestFailed(e, pending, rejections);
        } finally {
            sample.stop(metrics.bulkLatency());
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
            switch (BulkOutcome.classify(item)) {
                case INDEXED -> indexed++;
                case RETRY -> {
                    retry.add(position);
                    indexMissing |= BulkOutcome.indexMissing(error);
                    retryReason = BulkOutcome.describe(item.status(), error);
                }
                case DEAD_LETTER -> {
                    String reason = BulkOutcome.describe(item.status(), error);
                    LOG.warnf("Document %s refused by Elasticsearch: %s", item.id(), reason);
                    rejections.add(new Rejection(position, new DeadLetterRecord.Cause(BulkOutcome.causeType(error), reason)));
                }
            }
        }
        metrics.indexed(indexed);
        if (!retry.isEmpty()) {
            LOG.warnf("Elasticsearch could not take %d of %d documents now, will retry: %s", retry.size(), pending.size(),
                    retryReason);
            metrics.retried(retry.size());
            if (indexMissing) {
                bootstrap.recheck();
            }
        }
        return retry;
    }

    private List<Integer> wholeRequestFailed(ElasticsearchException e, List<Integer> pending, List<Rejection> rejections) {
        Optional<ErrorCause> error = Optional.ofNullable(e.error());
        String reason = BulkOutcome.describe(e.status(), error);
        if (BulkOutcome.classify(e.status(), error) == BulkOutcome.DEAD_LETTER) {
            // Retrying an identical request cannot change the answer; the payloads stay replayable in the DLQ.
            LOG.errorf("Elasticsearch refused a whole bulk of %d documents: %s", pending.size(), reason);
            DeadLetterRecord.Cause cause = new DeadLetterRecord.Cause("bulk_rejected", reason);
            pending.forEach(position -> rejections.add(new Rejection(position, cause)));
            return List.of();
        }
        LOG.warnf("Elasticsearch could not take a bulk of %d documents now, will retry: %s", pending.size(), reason);
        metrics.retried(pending.size());
        if (BulkOutcome.indexMissing(error)) {
            bootstrap.recheck();
        }
        return pending;
    }

    private BulkRequest bulkRequest(List<IncomingDocument> documents, List<Integer> pending) {
        String indexedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return BulkRequest.of(bulk -> {
            // require_alias: should the alias vanish, fail the write instead of auto-creating a stray index.
            bulk.index(layout.alias()).requireAlias(true);
            for (int position : pending) {
                IncomingDocument document = documents.get(position);
                document.source().put("indexed_at", indexedAt);
                bulk.operations(op -> op.index(ix -> ix.id(document.id()).document(document.source())));
            }
            return bulk;
        });
    }
}
