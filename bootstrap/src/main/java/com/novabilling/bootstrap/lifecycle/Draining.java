package com.novabilling.bootstrap.lifecycle;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this instance is shutting down: from the signal on, readiness answers 503 ({@link DrainingHealthIndicator})
 * and every response asks the client to close its connection ({@link DrainingConnectionFilter}), so load balancers
 * and keep-alive clients move to other instances before this one stops accepting.
 */
@Singleton
public final class Draining {

    private final AtomicBoolean draining = new AtomicBoolean();

    /** Starts draining; true the first time only. */
    public boolean begin() {
        return draining.compareAndSet(false, true);
    }

    public boolean isDraining() {
        return draining.get();
    }
}
