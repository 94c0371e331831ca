package com.novabilling.adapter.in.rest.idempotency;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.LongAdder;

/** How many customer writes were answered again from their Idempotency-Key's stored answer, for metrics. */
@Singleton
public final class IdempotentReplays {

    private final LongAdder count = new LongAdder();

    void increment() {
        count.increment();
    }

    public long count() {
        return count.sum();
    }
}
