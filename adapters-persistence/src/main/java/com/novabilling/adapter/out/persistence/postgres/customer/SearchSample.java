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
 * The share of customers a search term matches, judged on a sample of {@code search_text}: the histogram
 * PostgreSQL's ANALYZE keeps for the column (about 100 values spread over the table, what the planner itself
 * estimates {@code LIKE} with), read once and kept for {@link #TTL}. No round trip per search. The sample is
 * table-wide and small: it chooses which way a search is read first, and gives the estimate of a large total
 * (never one of 1,000 or fewer: those are counted).
 */
interface SearchSample {

    Duration TTL = Duration.ofSeconds(60);

    /** The share (0 to 1) of customers whose {@code search_text} contains {@code term}, by the sample. */
    double share(Connection connection, String term) throws SQLException;

    /** The share of the sample's values containing {@code term} (lower-cased); 0 for an empty sample. */
    static double share(List<String> sample, String term) {
        if (sample.isEmpty()) {
            return 0;
        }
        String lower = term.toLowerCase(Locale.ROOT);
        return (double) sample.stream().filter(value -> value.contains(lower)).count() / sample.size();
    }

    /** The histogram of {@code customers.search_text} in {@code pg_stats} (none before the first ANALYZE). */
    static SearchSample statistics() {
        return new SearchSample() {
            private volatile List<String> values;
            private volatile long expiresAtNanos;

            @Override
            public double share(Connection connection, String term) throws SQLException {
                long now = System.nanoTime();
                List<String> sample = values;
                if (sample == null || now - expiresAtNanos >= 0) {
                    sample = read(connection);
                    values = sample;
                    expiresAtNanos = now + TTL.toNanos();
                }
                return SearchSample.share(sample, term);
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
