package com.novabilling.bootstrap.observability;

import com.novabilling.adapter.in.rest.protection.AuthFailureThrottle;
import com.novabilling.adapter.in.rest.protection.RateLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * Requests refused as abuse, as {@code novabilling_requests_refused_total{reason="rate_limited"|
 * "too_many_failed_authentications"}}: the rate limiter and the failed-authentication throttle count, this
 * binder reads their counters at scrape time.
 */
@Singleton
final class AbuseMetrics implements MeterBinder {

    static final String NAME = "novabilling.requests.refused";

    private final RateLimiter rateLimiter;
    private final AuthFailureThrottle failures;

    AbuseMetrics(RateLimiter rateLimiter, AuthFailureThrottle failures) {
        this.rateLimiter = rateLimiter;
        this.failures = failures;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(NAME, rateLimiter, RateLimiter::refused)
                .description("Requests refused with 429 because their API key was over its rate limit")
                .tag("reason", "rate_limited")
                .register(registry);
        FunctionCounter.builder(NAME, failures, AuthFailureThrottle::refused)
                .description("Requests refused with 429 because their address failed to authenticate too often")
                .tag("reason", "too_many_failed_authentications")
                .register(registry);
    }
}
