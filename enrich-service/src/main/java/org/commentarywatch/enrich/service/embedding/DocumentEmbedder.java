package org.commentarywatch.enrich.service.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.commentarywatch.enrich.config.EmbeddingConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Sentences → passages → passage vectors → document vector. The model is loaded once, at start; passages are
 * embedded by a small pool of calling threads (two: one per core, each ONNX call on one core), shared by
 * every caller so that the Kafka stage and the API together never oversubscribe the machine.
 */
@ApplicationScoped
@Startup // loading the model takes a second or two: at boot, not on the first record
public class DocumentEmbedder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DocumentEmbedder.class);

    private final MiniLm model;
    private final ExecutorService pool;
    private final int maxPassages;
    private final int maxPassageTokens;
    private final int maxPassageSentences;

    @Inject
    public DocumentEmbedder(EmbeddingConfig config) {
        this(loadLogged(), config.threads(), config.maxPassages(), config.maxPassageTokens(), config.maxPassageSentences());
    }

    public DocumentEmbedder(MiniLm model, int threads, int maxPassages, int maxPassageTokens, int maxPassageSentences) {
        if (threads < 1 || maxPassages < 1) {
            throw new IllegalArgumentException("threads and maxPassages must be positive");
        }
        if (maxPassageTokens > Passages.MODEL_MAX_TOKENS) {
            throw new IllegalArgumentException("the model reads " + Passages.MODEL_MAX_TOKENS
                    + " tokens; passages of " + maxPassageTokens + " would be cut");
        }
        this.model = model;
        this.maxPassages = maxPassages;
        this.maxPassageTokens = maxPassageTokens;
        this.maxPassageSentences = maxPassageSentences;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "embedding-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    /** The model with its defaults (2 threads, 64 passages of up to 4 sentences and 126 tokens), for tools and tests. */
    public static DocumentEmbedder withDefaults() {
        return new DocumentEmbedder(MiniLm.load(), 2, 64, Passages.MODEL_MAX_TOKENS, 4);
    }

    private static MiniLm loadLogged() {
        long start = System.nanoTime();
        MiniLm model = MiniLm.load();
        LOG.infof("embedding model %s loaded in %d ms (ONNX Runtime, 1 intra-op + 1 inter-op thread, offline)",
                MiniLm.NAME, (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    /** @return empty when the sentences hold no token the model can read */
    public Optional<DocumentEmbedding> embed(List<String> sentences) {
        return embedLater(sentences).get();
    }

    /**
     * Builds the passages on the calling thread and hands them to the embedding threads; the supplier waits for
     * the result. Meanwhile the caller is free for other work on the same document.
     */
    public Supplier<Optional<DocumentEmbedding>> embedLater(List<String> sentences) {
        List<Passage> all = Passages.build(sentences, model, maxPassageTokens, maxPassageSentences);
        if (all.isEmpty()) {
            return Optional::empty;
        }
        List<Passage> passages = all.size() > maxPassages ? List.copyOf(all.subList(0, maxPassages)) : all;
        List<CompletableFuture<float[]>> futures = submit(passages.stream().map(Passage::text).toList());
        int omitted = all.size() - passages.size();
        return () -> {
            List<float[]> vectors = join(futures);
            return Optional.of(new DocumentEmbedding(Vectors.normalisedMean(vectors), passages, vectors, omitted));
        };
    }

    /** Unit vectors of the texts, in order, embedded on the embedding threads (the raw throughput of the model). */
    public List<float[]> embedAll(List<String> texts) {
        return join(submit(texts));
    }

    private List<CompletableFuture<float[]>> submit(List<String> texts) {
        List<CompletableFuture<float[]>> futures = new ArrayList<>(texts.size());
        for (String text : texts) {
            futures.add(CompletableFuture.supplyAsync(() -> model.embed(text), pool));
        }
        return futures;
    }

    private static List<float[]> join(List<CompletableFuture<float[]>> futures) {
        List<float[]> vectors = new ArrayList<>(futures.size());
        for (CompletableFuture<float[]> future : futures) {
            vectors.add(future.join());
        }
        return vectors;
    }

    /** Counting and cutting in the model's tokens. */
    public WordPieces wordPieces() {
        return model;
    }

    public String modelName() {
        return MiniLm.NAME;
    }

    @Override
    @PreDestroy
    public void close() {
        pool.shutdownNow();
        model.close();
    }
}
