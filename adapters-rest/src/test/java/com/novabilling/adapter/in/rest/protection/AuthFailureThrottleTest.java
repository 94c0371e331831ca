package com.novabilling.adapter.in.rest.protection;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailureThrottleTest {

    private final FakeClock clock = new FakeClock();
    private final AuthFailureThrottle throttle = new AuthFailureThrottle(20, clock, 1_000);

    @Test
    void twentyFailuresWithinAMinuteBlockTheAddressUntilTheWindowPasses() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("203.0.113.7");
        }
        assertThat(throttle.retryAfterSeconds("203.0.113.7")).isEmpty();

        throttle.recordFailure("203.0.113.7");

        assertThat(throttle.retryAfterSeconds("203.0.113.7")).hasValue(60);
        clock.advance(Duration.ofSeconds(45));
        assertThat(throttle.retryAfterSeconds("203.0.113.7")).hasValue(15);
        clock.advance(Duration.ofSeconds(15));
        assertThat(throttle.retryAfterSeconds("203.0.113.7")).isEmpty();
    }

    @Test
    void otherAddressesAreUnaffected() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure("203.0.113.7");
        }

        assertThat(throttle.retryAfterSeconds("203.0.113.7")).isPresent();
        assertThat(throttle.retryAfterSeconds("198.51.100.9")).isEmpty();
        assertThat(throttle.refused()).as("refusals counted for metrics").isEqualTo(1);
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() {
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("203.0.113.7");
        }
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 19; i++) {
            throttle.recordFailure("203.0.113.7");
        }

        assertThat(throttle.retryAfterSeconds("203.0.113.7")).isEmpty();
    }

    @Test
    void trackedAddressesAreBoundedAndForgottenWhenIdle() {
        AuthFailureThrottle small = new AuthFailureThrottle(20, clock, 100);
        for (int i = 0; i < 5_000; i++) {
            small.recordFailure("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(small.trackedAddresses()).isLessThanOrEqualTo(100);

        clock.advance(Duration.ofMinutes(3));
        assertThat(small.trackedAddresses()).isZero();
    }
}
