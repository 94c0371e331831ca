package com.novabilling.adapter.out.persistence.postgres.customer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Whether a search term is dense enough among the customers that walking the sort index with it as a filter
 * fills a page soon, judged on a sample of {@code search_text}: the histogram PostgreSQL's ANALYZE keeps for the
 * column (about 100 values spread over the table, what the planner itself estimates {@code LIKE} with), read once
 * and kept for {@link #TTL}. No round trip per search. The sample is table-wide and small: it only chooses which
 * way a search is read first, never what it answers.
 */
interface SearchSample {

    Duration TTL = Duration.ofSeconds(60);

    /** Whether {@code term} is expected {@code needed} times or more among the first {@link PostgresCustomerReadModel#PROBE_WINDOW} rows. */
    boolean dense(Connection connection, String term, long needed) throws SQLException;

    /** The expected matches among {@code window} rows, from the sample's share of values containing {@code term}. */
    static boolean dense(List<String> sample, String term, long needed, int window) {
        if (sample.isEmpty()) {
            return false;
        }
        String lower = term.toLowerCase(Locale.ROOT);
        long hits = sample.stream().filter(value -> value.contains(lower)).count();
        return hits * window >= needed * sample.size();
    }

    /** The histogram of {@code customers.search_text} in {@code pg_stats} (none before the first ANALYZE). */
    static SearchSample statistics() {
        return new SearchSample() {
            private volatile List<String> values;
            private volatile long expiresAtNanos;

            @Override
            public boolean dense(Connection connection, String term, long needed) throws SQLException {
                long now = System.nanoTime();
                List<String> sample = values;
                if (sample == null || now - expiresAtNanos >= 0) {
                    sample = read(connection);
                    values = sample;
                    expiresAtNanos = now + TTL.toNanos();
                }
                return SearchSample.dense(sample, term, needed, PostgresCustomerReadModel.PROBE_WINDOW);
            }

            private List<String> read(Connection connection) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement("SELECT histogram_bounds::text::text[] FROM pg_stats"
                        + " WHERE schemaname = current_schema() AND tablename = 'customers' AND attname = 'search_text'");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getArray(1) == null) {
                        return List.of();
                    }
                    Array array = rs.getArray(1);
                    try {
                        return List.of((String[]) array.getArray());
                    } finally {
                        array.free();
                    }
                }
            }
        };
    }
}
