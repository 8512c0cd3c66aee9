package org.commentarywatch.enrich.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How each document is placed against the corpus already indexed ({@code commentary.corpus.*}). */
@ConfigMapping(prefix = "commentary.corpus")
public interface CorpusConfig {

    /** Nearest earlier documents reported. */
    @WithDefault("5")
    int neighbours();

    /** Candidates each shard considers for the kNN search. */
    @WithDefault("100")
    int numCandidates();

    /** Cosine similarity at or above which the closest earlier piece may be the same text. */
    @WithDefault("0.95")
    double nearDuplicateSimilarity();

    /** Word 3-shingle Jaccard of the two texts at or above which they are the same text, lightly edited. */
    @WithDefault("0.5")
    double nearDuplicateJaccard();

    /** Cosine similarity at or above which an earlier piece is about the same story (its cluster is shared). */
    @WithDefault("0.80")
    double storySimilarity();

    /** Recently enriched vectors consulted with the index, for pieces that arrive before their twins are indexed. */
    @WithDefault("512")
    int recentVectors();

    /** Deadline of one Elasticsearch call, and of the readiness probe. */
    @WithDefault("3s")
    Duration timeout();

    /** First pause after Elasticsearch failed to answer; doubles up to {@link #retryMaxDelay()}. */
    @WithDefault("200ms")
    Duration retryInitialDelay();

    @WithDefault("30s")
    Duration retryMaxDelay();
}
