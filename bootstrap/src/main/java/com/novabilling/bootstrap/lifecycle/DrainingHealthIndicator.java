package com.novabilling.bootstrap.lifecycle;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Readiness is DOWN (HTTP 503 on {@code /health} and {@code /health/readiness}) from the moment the instance begins
 * to shut down, while it still serves requests; liveness ({@code /health/liveness}) stays UP, so an orchestrator
 * takes the instance out of rotation without restarting it.
 */
@Singleton
@Readiness
final class DrainingHealthIndicator implements HealthIndicator {

    static final String NAME = "shutdown";

    private final Draining draining;

    DrainingHealthIndicator(Draining draining) {
        this.draining = draining;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthStatus status = draining.isDraining() ? HealthStatus.DOWN : HealthStatus.UP;
        return Publishers.just(HealthResult.builder(NAME, status).build());
    }
}
