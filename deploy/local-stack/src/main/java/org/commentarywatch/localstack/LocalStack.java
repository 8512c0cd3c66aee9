package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Kafka and Elasticsearch, started side by side as child processes, the pipeline's topics created. Used by
 * the run command, every integration test and the benchmarks. Stopping it (or the JVM ending, however it
 * ends) stops both.
 */
public final class LocalStack implements AutoCloseable {

    private final StackSettings settings;
    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "local-stack-shutdown");
    private volatile boolean closed;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings.dataDir().resolve("kafka"), StackSettings.resolvePort(settings.kafkaPort()));
        this.elasticsearch = new ElasticsearchNode(settings.dataDir(),
                StackSettings.resolvePort(settings.elasticsearchPort()), settings.elasticsearchHeap());
    }

    /** Starts both, waits until both answer and creates the topics. Fails with the reason and the log to read. */
    public static LocalStack start(StackSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            CompletableFuture<Void> es = CompletableFuture.runAsync(stack.elasticsearch::start);
            CompletableFuture<Void> broker = CompletableFuture.runAsync(stack.kafka::start);
            CompletableFuture.allOf(es, broker).join();
            stack.kafka.createTopics(settings.topics(), settings.partitions());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String elasticsearchHostAndPort() {
        return elasticsearch.hostAndPort();
    }

    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> es = CompletableFuture.runAsync(elasticsearch::close);
        CompletableFuture<Void> broker = CompletableFuture.runAsync(kafka::close);
        CompletableFuture.allOf(es, broker).exceptionally(e -> null).join();
    }

    /** Removes everything the stack wrote under its data directory. Only while it is stopped. */
    public static void wipe(StackSettings settings) {
        try {
            ElasticsearchNode.deleteTree(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not wipe " + settings.dataDir(), e);
        }
    }
}
