package com.novabilling.adapter.out.persistence.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from {@code timestamptz} through pgjdbc ({@link OffsetDateTime} in UTC), for hand-written JDBC. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The bind value of {@code instant} for a {@code timestamptz} parameter; null stays null. */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The {@code timestamptz} column {@code column} of the current row, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
