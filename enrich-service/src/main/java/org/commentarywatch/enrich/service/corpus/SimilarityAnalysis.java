package org.commentarywatch.enrich.service.corpus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.commentarywatch.enrich.config.CorpusConfig;
import org.commentarywatch.enrich.model.EmbeddingSummary;
import org.commentarywatch.enrich.model.Neighbour;
import org.commentarywatch.enrich.model.SimilarityFindings;
import org.commentarywatch.enrich.service.classify.DocumentClassifier;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedding;
import org.jboss.logging.Logger;

/**
 * A document's vector and its place among earlier documents: the nearest ones (kNN on the index, plus the
 * ring of documents this instance enriched last, which search-service may not have indexed yet), its novelty,
 * whether it re-publishes one of them, and its story cluster; and the nearest labelled reference documents, whose
 * labels vote on its themes and stance.
 *
 * <p>While the index cannot be asked, a document must not come out as "novel": the Kafka stage waits and
 * retries with growing pauses ({@link Mode#WAIT_FOR_CORPUS}); the API refuses instead ({@link Mode#FAIL_FAST}).
 */
@ApplicationScoped
public class SimilarityAnalysis {

    private static final Logger LOG = Logger.getLogger(SimilarityAnalysis.class);

    public enum Mode {
        /** Retry, pausing, until the corpus answers (the Kafka stage: consumption waits meanwhile). */
        WAIT_FOR_CORPUS,
        /** One attempt; {@link CorpusUnavailableException} when the corpus does not answer (the API: 503). */
        FAIL_FAST,
        /** The vector only, no neighbours. */
        SKIP_CORPUS
    }

    /** @param documentId the document's own id, excluded from its neighbours; empty for a text without one */
    public record Query(Optional<String> documentId, Mode mode) {

        public static Query stage(String documentId) {
            return new Query(Optional.of(documentId), Mode.WAIT_FOR_CORPUS);
        }

        public static Query api(boolean neighbours) {
            return new Query(Optional.empty(), neighbours ? Mode.FAIL_FAST : Mode.SKIP_CORPUS);
        }
    }

    /** Raised when the wait for the corpus was cut short by shutdown: the record must not be acknowledged. */
    public static class Interrupted extends CorpusUnavailableException {
        Interrupted(CorpusUnavailableException cause) {
            super("stopped while waiting for the corpus: " + cause.getMessage(), cause);
        }
    }

    private final DocumentEmbedder embedder;
    private final CorpusIndex index;
    private final PlacementRules rules;
    private final double nearDuplicateJaccard;
    private final RecentVectors recent;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Object placing = new Object();
    private volatile boolean stopping;

    @Inject
    public SimilarityAnalysis(DocumentEmbedder embedder, CorpusIndex index, CorpusConfig config) {
        this(embedder, index, new PlacementRules(config.neighbours(), config.nearDuplicateSimilarity(),
                config.storySimilarity()), config.nearDuplicateJaccard(), new RecentVectors(config.recentVectors()),
                config.retryInitialDelay(), config.retryMaxDelay());
    }

    public SimilarityAnalysis(DocumentEmbedder embedder, CorpusIndex index, PlacementRules rules,
            double nearDuplicateJaccard, RecentVectors recent, Duration initialDelay, Duration maxDelay) {
        this.embedder = embedder;
        this.index = index;
        this.rules = rules;
        this.nearDuplicateJaccard = nearDuplicateJaccard;
        this.recent = recent;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
    }

    /** The model that embeds the documents (the classifier embeds its prototypes with it). */
    public DocumentEmbedder embedder() {
        return embedder;
    }

    /** The findings of {@link #start}, once the embedding threads are done. */
    public interface Pending {
        /** @return empty when the text holds nothing the model can read; throws as {@link #analyse} */
        Optional<Outcome> finish();
    }

    /**
     * What the enrichment reports, and what the classifier reads besides.
     *
     * @param embedding the document's vector and its passages' vectors
     * @param labelledNeighbours the nearest reference documents an analyst labelled, most similar first; empty when
     *        the corpus was not consulted
     */
    public record Outcome(SimilarityFindings findings, DocumentEmbedding embedding,
            List<Candidate> labelledNeighbours) {
    }

    /** Where the document stands, and the labelled documents near it. */
    private record Located(Placement placement, List<Candidate> labelled) {
    }

    /**
     * @param sentences the text's sentences, in order
     * @return null when the text holds nothing the model can read
     * @throws CorpusUnavailableException in {@link Mode#FAIL_FAST} when the corpus does not answer, and
     *         ({@link Interrupted}) when a wait is cut short by shutdown
     */
    public SimilarityFindings analyse(List<String> sentences, String title, String text, Query query) {
        return start(sentences, title, text, query).finish().map(Outcome::findings).orElse(null);
    }

    /**
     * Starts embedding the passages on the embedding threads and returns at once, so that the caller can do other
     * work on the document meanwhile; {@link Pending#finish()} waits for the vector and places it.
     */
    public Pending start(List<String> sentences, String title, String text, Query query) {
        Supplier<Optional<DocumentEmbedding>> embedding = embedder.embedLater(sentences);
        return () -> embedding.get().map(embedded -> place(embedded, title, text, query));
    }

    private Outcome place(DocumentEmbedding embedding, String title, String text, Query query) {
        EmbeddingSummary summary = new EmbeddingSummary(embedder.modelName(), embedding.passages().size(),
                embedding.truncatedPassages(), embedding.omittedPassages());
        if (query.mode() == Mode.SKIP_CORPUS) {
            return new Outcome(new SimilarityFindings(embedding.vector(), summary, null, null, null, null), embedding,
                    List.of());
        }
        Located located = query.mode() == Mode.WAIT_FOR_CORPUS
                ? placeWaiting(embedding.vector(), title, text, query.documentId())
                : placeInTurn(embedding.vector(), title, text, query.documentId());
        Placement placement = located.placement();
        List<Neighbour> neighbours = placement.neighbours().stream()
                .map(c -> new Neighbour(c.id(), c.title(), round(c.similarity())))
                .toList();
        return new Outcome(new SimilarityFindings(embedding.vector(), summary, neighbours, round(placement.novelty()),
                placement.nearDuplicateOf().orElse(null), placement.clusterId().orElse(null)), embedding,
                located.labelled());
    }

    /**
     * Placed one document at a time, each remembered in the ring before the next is placed: documents are embedded
     * side by side, and two twins whose placements overlapped would each miss the other, so neither would be
     * flagged. This way the first placed is the original and the second its near-duplicate. The turn covers the
     * kNN search and the few texts compared, not the embedding, and no pause between retries. A text without an id
     * (the API's) is not remembered, so it takes no turn and never waits behind the stage.
     */
    private Located placeInTurn(float[] vector, String title, String text, Optional<String> documentId) {
        if (documentId.isEmpty()) {
            return place(vector, text, documentId);
        }
        String id = documentId.get();
        synchronized (placing) {
            Located located = place(vector, text, documentId);
            recent.add(id, title, located.placement().clusterId().orElse(id), vector, text);
            return located;
        }
    }

    private Located place(float[] vector, String text, Optional<String> documentId) {
        int k = rules.neighbours();
        CorpusIndex.Nearest nearest = index.nearest(vector, documentId, k, DocumentClassifier.NEIGHBOURS);
        List<Candidate> candidates = new ArrayList<>(nearest.all());
        candidates.addAll(recent.nearest(vector, documentId, k));
        // the document's shingles once, however many candidates are close enough to be compared
        long[][] own = new long[1][];
        Placement placement = rules.place(documentId, candidates, candidate -> {
            Optional<String> other = recent.text(candidate.id()).or(() -> index.text(candidate.id()));
            if (other.isEmpty()) {
                return false;
            }
            if (own[0] == null) {
                own[0] = Shingles.of(text);
            }
            return Shingles.jaccard(own[0], Shingles.of(other.get())) >= nearDuplicateJaccard;
        });
        return new Located(placement, nearest.labelled());
    }

    private Located placeWaiting(float[] vector, String title, String text, Optional<String> documentId) {
        for (int attempt = 1;; attempt++) {
            try {
                Located placement = placeInTurn(vector, title, text, documentId);
                if (attempt > 1) {
                    LOG.infof("the corpus answers again after %d attempts; enrichment goes on", attempt);
                }
                return placement;
            } catch (CorpusUnavailableException e) {
                if (stopping) {
                    throw new Interrupted(e);
                }
                Duration pause = pause(attempt);
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("the corpus (Elasticsearch) does not answer (%s); attempt %d, retrying in %d ms while "
                            + "consumption waits", e.getMessage(), attempt, pause.toMillis());
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new Interrupted(e);
                }
            }
        }
    }

    /** Doubling from the initial delay up to the maximum, each pause between half its ceiling and the ceiling. */
    Duration pause(int attempt) {
        long ceiling = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        ceiling = Math.min(Math.max(ceiling, 1), maxDelay.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
