package org.commentarywatch.enrich.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.commentarywatch.enrich.config.CommentaryConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;

/**
 * Ready only while a Kafka broker answers. Quarkus' own Kafka check ({@code quarkus.kafka.health.enabled}) asks
 * without a deadline of its own and, with the broker gone, holds {@code /q/health/ready} for the admin
 * client's 60 s default before saying DOWN; this one answers within {@code commentary.health.kafka-timeout}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    static final String NAME = "Kafka broker";

    private final Admin admin;
    private final Duration timeout;

    /** @param kafkaConfig the {@code kafka.*} settings every client of the service uses (servers, security) */
    @Inject
    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            CommentaryConfig config) {
        this(kafkaConfig, config.health().kafkaTimeout());
    }

    public KafkaReadinessCheck(Map<String, Object> kafkaConfig, Duration timeout) {
        Map<String, Object> adminConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        int millis = Math.toIntExact(timeout.toMillis());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "enrich-service-readiness");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.admin = Admin.create(adminConfig);
        this.timeout = timeout;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs(Math.toIntExact(timeout.toMillis())));
            // The admin call has its deadline; this one only guards against it being missed.
            String nodes = cluster.nodes().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS).stream()
                    .map(Node::toString)
                    .collect(Collectors.joining(", "));
            return response.up().withData("nodes", nodes).build();
        } catch (ExecutionException e) {
            return response.down().withData("reason", String.valueOf(e.getCause())).build();
        } catch (TimeoutException e) {
            return response.down().withData("reason", "no answer within " + timeout).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ZERO);
    }
}
