package com.novabilling.bootstrap.observability;

import com.novabilling.adapter.in.rest.idempotency.IdempotentReplays;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * {@code novabilling_idempotent_replays_total}: writes answered with the stored answer of their Idempotency-Key. It
 * reads a counter with no dependencies: the meter registry is built while the datasource is (the pool's metrics), so
 * a binder must not need anything that needs the database.
 */
@Singleton
final class IdempotencyMetrics implements MeterBinder {

    static final String NAME = "novabilling.idempotent.replays";

    private final IdempotentReplays replays;

    IdempotencyMetrics(IdempotentReplays replays) {
        this.replays = replays;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(NAME, replays, IdempotentReplays::count)
                .description("Customer writes answered again from their Idempotency-Key's stored answer")
                .register(registry);
    }
}
