package org.commentarywatch.localstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: real Kafka and Elasticsearch for a module's {@code *IT} tests, on free ports and in
 * a data directory of their own. One stack per test JVM, however many test classes and Quarkus restarts;
 * it stops when the JVM ends.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** Config key under which the tests find Elasticsearch's base URL. */
    public static final String ELASTICSEARCH_URL = "commentary-test.elasticsearch-url";

    private static LocalStack stack;

    /** The stack of this JVM, started on first use. */
    public static synchronized LocalStack stack() {
        if (stack == null) {
            StackSettings settings = StackSettings.forTests();
            LocalStack started = LocalStack.start(settings);
            // One hook that stops before it wipes: hooks run concurrently, so two would race.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                LocalStack.wipe(settings);
            }, "local-stack-wipe"));
            stack = started;
        }
        return stack;
    }

    @Override
    public Map<String, String> start() {
        LocalStack s = stack();
        return Map.of(
                "kafka.bootstrap.servers", s.kafkaBootstrapServers(),
                "quarkus.elasticsearch.hosts", s.elasticsearchHostAndPort(),
                ELASTICSEARCH_URL, s.elasticsearchUrl());
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus start in this JVM; the shutdown hooks stop and wipe it.
    }
}
