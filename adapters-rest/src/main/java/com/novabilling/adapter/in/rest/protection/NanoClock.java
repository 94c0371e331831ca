package com.novabilling.adapter.in.rest.protection;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;

/** One monotonic clock for the buckets (Bucket4j) and their maps (Caffeine), so tests can move time. */
interface NanoClock extends Ticker, TimeMeter {

    NanoClock SYSTEM = System::nanoTime;

    long nanos();

    @Override
    default long read() {
        return nanos();
    }

    @Override
    default long currentTimeNanos() {
        return nanos();
    }

    @Override
    default boolean isWallClockBased() {
        return false;
    }
}
