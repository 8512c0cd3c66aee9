package org.commentarywatch.search.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.commentarywatch.search.service.AlertingBootstrap;

/** DOWN until the rules, alerts and deliveries indices exist and the stored rules are loaded. */
@Readiness
@ApplicationScoped
public class AlertingReadinessCheck implements HealthCheck {

    private final AlertingBootstrap bootstrap;

    public AlertingReadinessCheck(AlertingBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Alert rules")
                .status(bootstrap.isReady())
                .withData("detail", bootstrap.state().detail())
                .build();
    }
}
