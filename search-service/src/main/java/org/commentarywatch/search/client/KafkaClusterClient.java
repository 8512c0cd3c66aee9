package org.commentarywatch.search.client;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import io.smallrye.common.annotation.Identifier;

import org.commentarywatch.search.config.CommentaryConfig;

/**
 * An admin connection for the readiness probe, bounded in time. The Kafka extension's own check waits for the
 * admin client's default API timeout (60 s) when no broker answers; raising that bound for every client through
 * {@code kafka.*} would also shorten the consumer's.
 */
@ApplicationScoped
public class KafkaClusterClient {

    private final AdminClient admin;
    private final Duration timeout;

    public KafkaClusterClient(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CommentaryConfig config) {
        this.timeout = config.health().timeout();
        Map<String, Object> adminConfig = new HashMap<>();
        // The same connection settings as every other client of this service (servers, TLS, SASL), nothing else.
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        int millis = Math.toIntExact(timeout.toMillis());
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "search-service-health");
        this.admin = AdminClient.create(adminConfig);
    }

    /** The brokers of the cluster; fails when none answers within the health timeout. */
    public Collection<Node> brokers() throws ExecutionException, TimeoutException, InterruptedException {
        long millis = timeout.toMillis();
        return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis))
                .nodes()
                .get(millis + 500, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
