package com.novabilling.adapter.in.rest.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.novabilling.domain.access.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-API-key token buckets (Bucket4j): {@code NOVABILLING_RATE_LIMIT_PER_SECOND} requests a second
 * sustained (default 100), bursts of {@code NOVABILLING_RATE_LIMIT_BURST} (default 200), unless the key's
 * tenant has its own limit. Buckets live in this instance's memory: N instances behind a balancer allow N
 * times the limit. Only authenticated key ids get a bucket; at most {@value #MAX_KEYS} are kept, and a
 * bucket idle long enough to be full again is dropped (a new one is the same).
 */
@Singleton
public final class RateLimiter {

    static final long MAX_KEYS = 100_000;

    private final RateLimit defaultLimit;
    private final NanoClock clock;
    private final Cache<String, KeyBucket> buckets;
    private final LongAdder refused = new LongAdder();

    @Inject
    public RateLimiter(@Value("${novabilling.rate-limit.per-second:100}") long perSecond,
                       @Value("${novabilling.rate-limit.burst:200}") long burst) {
        this(defaultLimit(perSecond, burst), NanoClock.SYSTEM, MAX_KEYS);
    }

    RateLimiter(RateLimit defaultLimit, NanoClock clock, long maxKeys) {
        this.defaultLimit = defaultLimit;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .ticker(clock)
                .executor(Runnable::run)
                .maximumSize(maxKeys)
                .expireAfter(new IdleUntilFull())
                .build();
    }

    private static RateLimit defaultLimit(long perSecond, long burst) {
        try {
            return new RateLimit(perSecond, burst);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("NOVABILLING_RATE_LIMIT_PER_SECOND / NOVABILLING_RATE_LIMIT_BURST: "
                    + e.getMessage(), e);
        }
    }

    public RateLimit defaultLimit() {
        return defaultLimit;
    }

    /**
     * Takes one request from the key's bucket. {@code tenantLimit} null means the default; a changed limit
     * reconfigures the key's bucket, keeping the tokens it has (up to the new burst).
     */
    public Decision consume(String keyId, RateLimit tenantLimit) {
        RateLimit limit = tenantLimit == null ? defaultLimit : tenantLimit;
        KeyBucket entry = buckets.get(keyId, ignored -> new KeyBucket(newBucket(limit), limit));
        if (!entry.limit.equals(limit)) {
            synchronized (entry) {
                if (!entry.limit.equals(limit)) {
                    entry.bucket.replaceConfiguration(configuration(limit), TokensInheritanceStrategy.AS_IS);
                    entry.limit = limit;
                }
            }
        }
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refused.increment();
        }
        long remaining = probe.getRemainingTokens();
        long retryAfter = probe.isConsumed() ? 0 : ceilSeconds(probe.getNanosToWaitForRefill());
        // seconds until the bucket is full again: the quota's "reset" in a token bucket
        long reset = Math.max(retryAfter, ceilDiv(limit.burst() - remaining, limit.perSecond()));
        return new Decision(probe.isConsumed(), limit.burst(), remaining, reset, Math.max(1, retryAfter));
    }

    /** Requests refused with 429 {@code rate_limited} since start (for metrics). */
    public long refused() {
        return refused.sum();
    }

    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(RateLimit limit) {
        return Bucket.builder().withCustomTimePrecision(clock).addLimit(bandwidth(limit)).build();
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(RateLimit limit) {
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
    }

    private static long ceilSeconds(long nanos) {
        return ceilDiv(nanos, TimeUnit.SECONDS.toNanos(1));
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /**
     * The answer for one request: whether it may run, and the values of the {@code RateLimit-Limit} (the
     * burst), {@code RateLimit-Remaining}, {@code RateLimit-Reset} (seconds until the bucket is full) and,
     * when refused, {@code Retry-After} headers.
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
        public static final String ATTRIBUTE = "novabilling.rateLimit";
    }

    private static final class KeyBucket {
        final Bucket bucket;
        volatile RateLimit limit;

        KeyBucket(Bucket bucket, RateLimit limit) {
            this.bucket = bucket;
            this.limit = limit;
        }
    }

    /** A bucket is kept while it is used, and for as long after as it takes to fill up again. */
    private static final class IdleUntilFull implements com.github.benmanes.caffeine.cache.Expiry<String, KeyBucket> {
        private static long idleNanos(KeyBucket entry) {
            long seconds = ceilDiv(entry.limit.burst(), entry.limit.perSecond()) + 1;
            return TimeUnit.SECONDS.toNanos(Math.max(seconds, 60));
        }

        @Override
        public long expireAfterCreate(String key, KeyBucket entry, long currentTime) {
            return idleNanos(entry);
        }

        @Override
        public long expireAfterUpdate(String key, KeyBucket entry, long currentTime, long currentDuration) {
            return idleNanos(entry);
        }

        @Override
        public long expireAfterRead(String key, KeyBucket entry, long currentTime, long currentDuration) {
            return idleNanos(entry);
        }
    }
}
