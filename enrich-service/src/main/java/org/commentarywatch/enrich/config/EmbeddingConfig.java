package org.commentarywatch.enrich.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How documents are cut into passages and embedded ({@code commentary.embedding.*}). */
@ConfigMapping(prefix = "commentary.embedding")
public interface EmbeddingConfig {

    /** Passages embedded per document at most; the rest of a very long text is left out and counted. */
    @WithDefault("64")
    int maxPassages();

    /** Word-piece tokens per passage at most (the packaged model reads 126). */
    @WithDefault("126")
    int maxPassageTokens();

    /** Sentences per passage at most. */
    @WithDefault("4")
    int maxPassageSentences();

    /** Threads that call the model; the ONNX session itself uses one core per call. */
    @WithDefault("2")
    int threads();
}
