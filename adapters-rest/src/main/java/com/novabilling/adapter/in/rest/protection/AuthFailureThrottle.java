package com.novabilling.adapter.in.rest.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed authentications (API key or operator token) per client address ({@link ClientAddresses}): after
 * {@code NOVABILLING_AUTH_FAILURE_LIMIT} (default {@value #DEFAULT_MAX_FAILURES}) within a window of a
 * minute, the address is refused (429 {@code too_many_failed_authentications}) before any key lookup until
 * its window passes. A bucket of that many tokens per address, refilled whole every minute, takes one token
 * per failure.
 * Memory is bounded: at most {@value #MAX_TRACKED} addresses (Caffeine's size eviction), each forgotten
 * once idle for two windows.
 */
@Singleton
public final class AuthFailureThrottle {

    static final int DEFAULT_MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final long MAX_TRACKED = 100_000;

    private final Cache<String, Bucket> failures;
    private final NanoClock clock;
    private final long maxFailures;
    private final LongAdder refused = new LongAdder();

    @Inject
    public AuthFailureThrottle(@Value("${novabilling.auth-failure-limit:20}") long maxFailures) {
        this(maxFailures, NanoClock.SYSTEM, MAX_TRACKED);
    }

    AuthFailureThrottle(long maxFailures, NanoClock clock, long maxTracked) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("NOVABILLING_AUTH_FAILURE_LIMIT must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .ticker(clock)
                .executor(Runnable::run)
                .maximumSize(maxTracked)
                .expireAfterAccess(WINDOW.multipliedBy(2))
                .build();
    }

    /** Seconds the address must wait, when it has used up its failures; empty when it may try. */
    public OptionalLong retryAfterSeconds(String address) {
        Bucket bucket = failures.getIfPresent(address);
        if (bucket == null) {
            return OptionalLong.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return OptionalLong.empty();
        }
        refused.increment();
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
    }

    public void recordFailure(String address) {
        failures.get(address, ignored -> Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(maxFailures).refillIntervally(maxFailures, WINDOW).build())
                .build())
                .tryConsume(1);
    }

    /** Requests refused with 429 {@code too_many_failed_authentications} since start (for metrics). */
    public long refused() {
        return refused.sum();
    }

    long trackedAddresses() {
        failures.cleanUp();
        return failures.estimatedSize();
    }
}
