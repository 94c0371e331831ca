package com.novabilling.adapter.out.persistence.postgres.customer;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * PostgreSQL's row estimates of list filters, kept for {@link #TTL}: an estimate moves only when the table's size
 * or its statistics (ANALYZE) change, yet asking for it is a round trip with a planning of its own on every page.
 * Keyed by the statement and its bind values (tenant and filters); at most {@link #MAX_ENTRIES} are kept (all are
 * dropped when that is reached: a cheap bound, the next pages ask again).
 */
final class RowEstimates {

    static final Duration TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 1_000;

    @FunctionalInterface
    interface Planner {
        long estimate() throws SQLException;
    }

    private record Key(String sql, List<Object> params) {
    }

    private record Estimate(long rows, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<Key, Estimate> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RowEstimates() {
        this(System::nanoTime);
    }

    RowEstimates(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    long rows(String sql, List<Object> params, Planner planner) throws SQLException {
        Key key = new Key(sql, params);
        long now = nanoTime.getAsLong();
        Estimate kept = entries.get(key);
        if (kept != null && now - kept.expiresAtNanos() < 0) {
            return kept.rows();
        }
        long rows = planner.estimate();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Estimate(rows, now + TTL.toNanos()));
        return rows;
    }
}
