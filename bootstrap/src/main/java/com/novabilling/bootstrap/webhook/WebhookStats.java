package com.novabilling.bootstrap.webhook;

import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.domain.webhook.AttemptOutcome;
import com.novabilling.domain.webhook.DeliveryAttempt;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the webhook metrics read: this instance's attempts by outcome, and the lag of delivered ones (delivery
 * queued to 2xx). Written by the {@link WebhookDispatcher}.
 */
@Singleton
public final class WebhookStats {


    private final Map<AttemptOutcome, LongAdder> attempts = new HashMap<>();
    private final LongAdder lagMillis = new LongAdder();
    private final AtomicLong maxLagMillis = new AtomicLong();

    WebhookStats() {
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            attempts.put(outcome, new LongAdder());
        }
    }

    void record(DeliveryAttempt attempt, DueDelivery delivery) {
        attempts.get(attempt.outcome()).increment();
        if (attempt.outcome() == AttemptOutcome.DELIVERED) {
            long lag = Math.max(0, attempt.attemptedAt().toEpochMilli() + attempt.durationMillis()
                    - delivery.createdAt().toEpochMilli());
            lagMillis.add(lag);
            maxLagMillis.accumulateAndGet(lag, Math::max);
        }
    }

    public long attempts(AttemptOutcome outcome) {
        return attempts.get(outcome).sum();
    }

    public long delivered() {
        return attempts(AttemptOutcome.DELIVERED);
    }

    public double lagSeconds() {
        return lagMillis.sum() / 1000.0;
    }

    public double maxLagSeconds() {
        return maxLagMillis.get() / 1000.0;
    }
}
