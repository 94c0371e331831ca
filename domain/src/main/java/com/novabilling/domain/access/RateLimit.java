package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A token bucket: {@code perSecond} requests a second sustained, bursts of up to {@code burst} requests. Per
 * API key and per instance of the service.
 */
public record RateLimit(long perSecond, long burst) {

    public static final long MAX_PER_SECOND = 100_000;
    public static final long MAX_BURST = 1_000_000;

    public RateLimit {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(perSecondViolations(perSecond));
        violations.addAll(burstViolations(burst));
        if (!violations.isEmpty()) {
            throw new DomainValidationException(violations);
        }
    }

    /** What is wrong with {@code perSecond} on its own (empty: nothing). */
    public static List<Violation> perSecondViolations(long perSecond) {
        return perSecond < 1 || perSecond > MAX_PER_SECOND
                ? List.of(new Violation("rateLimit.perSecond", "must be between 1 and " + MAX_PER_SECOND))
                : List.of();
    }

    /** What is wrong with {@code burst} on its own (empty: nothing). */
    public static List<Violation> burstViolations(long burst) {
        return burst < 1 || burst > MAX_BURST
                ? List.of(new Violation("rateLimit.burst", "must be between 1 and " + MAX_BURST))
                : List.of();
    }
}
