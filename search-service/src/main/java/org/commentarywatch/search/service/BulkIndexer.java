package org.commentarywatch.search.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import io.micrometer.core.instrument.Timer;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.IncomingDocument;

/**
 * Writes documents to the alias through {@link BulkWrites}, keyed by document id so that a redelivered record
 * overwrites its earlier copy, with {@code require_alias} and the indexing metrics.
 */
@ApplicationScoped
public class BulkIndexer {

    private final BulkWrites writes;
    private final IndexLayout layout;
    private final IndexBootstrap bootstrap;
    private final IndexingMetrics metrics;

    public BulkIndexer(BulkWrites writes, CommentaryConfig config, IndexBootstrap bootstrap, IndexingMetrics metrics) {
        this.writes = writes;
        this.layout = IndexLayout.of(config.index());
        this.bootstrap = bootstrap;
        this.metrics = metrics;
    }

    /**
     * Returns once every document is either stored or refused for good; blocks meanwhile, which is what holds
     * back consumption while Elasticsearch is away.
     *
     * @return the refused documents; empty when the service began to stop first, in which case nothing of this
     *         batch may be acknowledged
     */
    public Optional<List<BulkWrites.Rejection>> index(List<IncomingDocument> documents) {
        Timer.Sample stage = Timer.start();
        Optional<List<BulkWrites.Rejection>> rejections = writes.write(documents.size(), new BulkWrites.Target() {
            @Override
            public String items() {
                return "documents";
            }

            @Override
            public boolean ready() {
                // Writing before the alias exists would either fail or, without require_alias, auto-create a
                // concrete index under the alias's name with a guessed mapping.
                return bootstrap.isReady();
            }

            @Override
            public void indexMissing() {
                bootstrap.recheck();
            }

            @Override
            public BulkRequest request(List<Integer> positions) {
                return bulkRequest(documents, positions);
            }

            @Override
            public void attempted(long nanos, int indexed, int retried) {
                metrics.bulkLatency().record(nanos, TimeUnit.NANOSECONDS);
                metrics.indexed(indexed);
                if (retried > 0) {
                    metrics.retried(retried);
                }
            }
        });
        if (rejections.isPresent()) {
            stage.stop(metrics.stageDuration());
        }
        return rejections;
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
