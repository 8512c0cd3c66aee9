package org.commentarywatch.ingest.health;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.commentarywatch.ingest.config.CommentaryConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DOWN while no Kafka broker answers. Replaces Quarkus' own Kafka check ({@code quarkus.kafka.health.enabled}),
 * which waits for the admin client's default API timeout (60 s) before it reports DOWN: too long for a readiness
 * probe, and a health request that hangs a minute looks like a hung service.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final String NAME = "Kafka cluster";

    private final Admin admin;
    private final long timeoutMillis;

    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka, CommentaryConfig config) {
        this.timeoutMillis = config.health().kafkaTimeout().toMillis();
        this.admin = Admin.create(adminConfig(kafka, (int) timeoutMillis));
    }

    /** The shared {@code kafka.*} settings (bootstrap servers, security) that an admin client understands. */
    private static Map<String, Object> adminConfig(Map<String, Object> kafka, int timeoutMillis) {
        Map<String, Object> admin = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, "ingest-service-readiness");
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        return admin;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMillis))
                    .nodes().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up()
                    .withData("nodes", nodes.stream().map(n -> n.host() + ":" + n.port())
                            .collect(Collectors.joining(",")))
                    .build();
        } catch (TimeoutException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "no Kafka broker answered within " + timeoutMillis + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        } catch (Exception e) {
            return down(e);
        }
    }

    private static HealthCheckResponse down(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return HealthCheckResponse.named(NAME).down().withData("reason", cause.toString()).build();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
