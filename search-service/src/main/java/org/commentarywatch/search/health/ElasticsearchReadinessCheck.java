package org.commentarywatch.search.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import org.commentarywatch.search.client.IndexAdminClient;
import org.commentarywatch.search.config.CommentaryConfig;

/**
 * Elasticsearch reachable and not red. Replaces the extension's own check (disabled in application.properties):
 * that one also calls {@code /_cluster/health}, but with the client's general socket timeout (30 s), which
 * would stall the probe while a node hangs.
 */
@Readiness
@ApplicationScoped
public class ElasticsearchReadinessCheck implements HealthCheck {

    private final IndexAdminClient admin;
    private final Duration timeout;

    public ElasticsearchReadinessCheck(IndexAdminClient admin, CommentaryConfig config) {
        this.admin = admin;
        this.timeout = config.health().timeout();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Elasticsearch cluster");
        try {
            IndexAdminClient.ClusterHealth health = admin.clusterHealth(timeout);
            return response.status(!health.isRed())
                    .withData("cluster", health.clusterName())
                    .withData("status", health.status())
                    .build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e)).build();
        }
    }
}
