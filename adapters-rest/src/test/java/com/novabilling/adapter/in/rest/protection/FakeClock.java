package com.novabilling.adapter.in.rest.protection;

import java.time.Duration;

/** A clock that moves only when told: bucket refills and evictions without any waiting. */
final class FakeClock implements NanoClock {

    private long nanos = 1_000_000_000L;

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
    }
}
