package com.novabilling.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff ({@code firstDelay}, doubling, at most
 * {@code maxDelay}) with "equal jitter" (a random point in the upper half of each delay, so receivers that
 * failed together are not retried together), until {@code giveUpAfter} since the delivery was created; then
 * the delivery is failed. The defaults, 1 minute doubling to at most 6 hours within 3 days, make about 20
 * attempts.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    public static final RetrySchedule DEFAULT =
            new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(3));

    public RetrySchedule {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay and giveUpAfter >= 0");
        }
    }

    /** The delay before retry number {@code failures} (1 after the first failure), before jitter. */
    public Duration baseDelay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1");
        }
        int doublings = Math.min(failures - 1, 40);
        long millis = firstDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    /**
     * The next attempt after {@code failures} failed ones, the last just now; empty when it would fall after
     * the give-up time (the delivery is then failed).
     */
    public Optional<Instant> next(int failures, Instant deliveryCreatedAt, Instant now, RandomGenerator random) {
        long base = baseDelay(failures).toMillis();
        long half = base / 2;
        long jittered = base - half + (half == 0 ? 0 : random.nextLong(half + 1));
        Instant next = now.plusMillis(jittered);
        return next.isAfter(deliveryCreatedAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
