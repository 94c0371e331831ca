package com.novabilling.domain.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void doublesFromOneMinuteUpToSixHours() {
        assertThat(schedule.baseDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.baseDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.baseDelay(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(schedule.baseDelay(10)).isEqualTo(Duration.ofHours(6));
        assertThat(schedule.baseDelay(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void jittersWithinTheUpperHalfOfEachDelay() {
        Random random = new Random(9);
        for (int failures = 1; failures <= 12; failures++) {
            Duration base = schedule.baseDelay(failures);
            for (int i = 0; i < 50; i++) {
                Instant next = schedule.next(failures, T0, T0, random).orElseThrow();
                assertThat(Duration.between(T0, next)).isBetween(base.dividedBy(2), base);
            }
        }
    }

    @Test
    void givesUpAfterThreeDaysAfterAboutTwentyAttempts() {
        Random random = new Random(4);
        Instant now = T0;
        int attempts = 1;
        Optional<Instant> next;
        while ((next = schedule.next(attempts, T0, now, random)).isPresent()) {
            now = next.get();
            attempts++;
        }
        assertThat(now).isBefore(T0.plus(Duration.ofDays(3)).plusSeconds(1));
        assertThat(attempts).isBetween(15, 30);
        assertThat(schedule.next(1, T0, T0.plus(Duration.ofDays(3)), random)).isEmpty();
    }
}
