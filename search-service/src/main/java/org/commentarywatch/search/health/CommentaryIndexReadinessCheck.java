package org.commentarywatch.search.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.commentarywatch.search.service.IndexBootstrap;

/** DOWN until the template, the versioned index and the alias have been set up. */
@Readiness
@ApplicationScoped
public class CommentaryIndexReadinessCheck implements HealthCheck {

    private final IndexBootstrap bootstrap;

    public CommentaryIndexReadinessCheck(IndexBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        IndexBootstrap.IndexState state = bootstrap.state();
        return HealthCheckResponse.named("Commentary index")
                .status(state.ready())
                .withData("detail", state.detail())
                .build();
    }
}
