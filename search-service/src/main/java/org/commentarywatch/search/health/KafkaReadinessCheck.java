package org.commentarywatch.search.health;

import java.util.Collection;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import org.commentarywatch.search.client.KafkaClusterClient;

/** Kafka reachable: at least one broker answers within the health timeout. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final KafkaClusterClient kafka;

    public KafkaReadinessCheck(KafkaClusterClient kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka cluster");
        try {
            Collection<Node> brokers = kafka.brokers();
            return response.status(!brokers.isEmpty())
                    .withData("brokers", brokers.stream().map(node -> node.host() + ":" + node.port())
                            .collect(Collectors.joining(",")))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e)).build();
        }
    }
}
