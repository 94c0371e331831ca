package com.novabilling.adapter.in.rest.protection;

import com.novabilling.domain.access.RateLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private final FakeClock clock = new FakeClock();
    private final RateLimiter limiter = new RateLimiter(new RateLimit(20, 20), clock, 1_000);

    @Test
    void aBurstIsServedThenRefusedWithTheTimeToWait() {
        List<RateLimiter.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            decisions.add(limiter.consume("key_a", null));
        }

        assertThat(decisions.subList(0, 20)).allMatch(RateLimiter.Decision::allowed);
        assertThat(decisions.get(0)).isEqualTo(new RateLimiter.Decision(true, 20, 19, 1, 1));
        assertThat(decisions.get(19).remaining()).isZero();
        RateLimiter.Decision refused = decisions.get(20);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(20);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(1);
        assertThat(limiter.refused()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheSustainedRate() {
        for (int i = 0; i < 20; i++) {
            limiter.consume("key_a", null);
        }
        assertThat(limiter.consume("key_a", null).allowed()).isFalse();

        clock.advance(Duration.ofMillis(100)); // 20/s: two tokens

        assertThat(limiter.consume("key_a", null).allowed()).isTrue();
        assertThat(limiter.consume("key_a", null).allowed()).isTrue();
        assertThat(limiter.consume("key_a", null).allowed()).isFalse();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 25; i++) {
            limiter.consume("key_a", null);
        }

        RateLimiter.Decision other = limiter.consume("key_b", null);

        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(19);
    }

    @Test
    void aTenantLimitReplacesTheDefaultAndAChangeAppliesAtOnce() {
        RateLimit tight = new RateLimit(1, 3);

        assertThat(limiter.consume("key_a", tight)).isEqualTo(new RateLimiter.Decision(true, 3, 2, 1, 1));
        limiter.consume("key_a", tight);
        limiter.consume("key_a", tight);
        RateLimiter.Decision refused = limiter.consume("key_a", tight);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(3);

        RateLimit generous = new RateLimit(10, 50);
        clock.advance(Duration.ofSeconds(1)); // one token at the old rate
        RateLimiter.Decision widened = limiter.consume("key_a", generous);
        assertThat(widened.allowed()).isTrue();
        assertThat(widened.limit()).isEqualTo(50);
        assertThat(widened.remaining()).as("tokens kept, none invented").isZero();
        clock.advance(Duration.ofSeconds(1)); // ten at the new one
        assertThat(limiter.consume("key_a", generous).remaining()).isEqualTo(9);
    }

    @Test
    void memoryIsBoundedAndIdleBucketsAreForgotten() {
        RateLimiter small = new RateLimiter(new RateLimit(20, 20), clock, 100);
        for (int i = 0; i < 1_000; i++) {
            small.consume("key_" + i, null);
        }
        assertThat(small.trackedKeys()).isLessThanOrEqualTo(100);

        clock.advance(Duration.ofMinutes(2));
        assertThat(small.trackedKeys()).isZero();
    }

    @Test
    void aBadDefaultIsRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimiter(0, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NOVABILLING_RATE_LIMIT_PER_SECOND");
        assertThatThrownBy(() -> new RateLimiter(100, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
