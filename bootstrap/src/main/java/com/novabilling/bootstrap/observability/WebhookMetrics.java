package com.novabilling.bootstrap.observability;

import com.novabilling.application.port.out.webhook.DeliveryStore;
import com.novabilling.bootstrap.webhook.WebhookStats;
import io.micronaut.context.BeanProvider;
import com.novabilling.domain.webhook.AttemptOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Webhook delivery, for Prometheus:
 * <ul>
 * <li>{@code novabilling_webhook_attempts_total{outcome="delivered"|"retrying"|"failed"}}: attempts by this instance;
 * <li>{@code novabilling_webhook_delivery_lag_seconds_total} / {@code novabilling_webhook_deliveries_total}: the
 *     summed lag (delivery queued to 2xx) and the count of delivered ones, so {@code rate(lag)/rate(count)} is the mean
 *     lag; {@code novabilling_webhook_delivery_lag_max_seconds} is the largest seen since start;
 * <li>{@code novabilling_webhook_backlog_age_seconds}: how long the oldest due, unclaimed delivery has been waiting,
 *     across all instances (read from the database at scrape time; 0 when none waits): the lag still to come.
 * </ul>
 */
@Singleton
final class WebhookMetrics implements MeterBinder {

    private final WebhookStats stats;
    private final BeanProvider<DeliveryStore> deliveries;
    private final Clock clock;

    /** The store through a provider: it needs the datasource, whose pool metrics need the registry being built. */
    WebhookMetrics(WebhookStats stats, BeanProvider<DeliveryStore> deliveries, Clock clock) {
        this.stats = stats;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            FunctionCounter.builder("novabilling.webhook.attempts", stats, s -> s.attempts(outcome))
                    .description("Webhook delivery attempts made by this instance, by outcome")
                    .tag("outcome", outcome.wireName())
                    .register(registry);
        }
        FunctionCounter.builder("novabilling.webhook.deliveries", stats, WebhookStats::delivered)
                .description("Webhook deliveries answered with a 2xx by this instance")
                .register(registry);
        FunctionCounter.builder("novabilling.webhook.delivery.lag", stats, WebhookStats::lagSeconds)
                .description("Summed time from a delivery being queued (the event) to its 2xx answer")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("novabilling.webhook.delivery.lag.max", stats, WebhookStats::maxLagSeconds)
                .description("Largest delivery lag seen by this instance since it started")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("novabilling.webhook.backlog.age", this, WebhookMetrics::backlogAgeSeconds)
                .description("How long the oldest due, unclaimed webhook delivery has been waiting (all instances)")
                .baseUnit("seconds")
                .register(registry);
    }

    private double backlogAgeSeconds() {
        try {
            Instant now = clock.instant();
            return deliveries.get().oldestDue(now).map(due -> Duration.between(due, now).toMillis() / 1000.0).orElse(0.0);
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }
}
