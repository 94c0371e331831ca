package com.novabilling.adapter.out.persistence.jdbc;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import com.novabilling.application.port.shared.StoreUnavailableException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain SQL on the connection Micronaut Data manages: inside a use case's transaction it is that
 * transaction's connection; outside one, a pooled connection for the one call (autocommit).
 */
@Singleton
public final class Jdbc {

    private final ConnectionOperations<Connection> connections;

    public Jdbc(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T withConnection(SqlWork<T> work) {
        try {
            return connections.execute(ConnectionDefinition.DEFAULT, status -> {
                try {
                    return work.run(status.getConnection());
                } catch (SQLException e) {
                    throw ConnectionFailures.isConnectionFailure(e) ? new StoreUnavailableException(e)
                            : new DataAccessFailure(e);
                }
            });
        } catch (StoreUnavailableException | DataAccessFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // no connection from the pool, or a dead one the connection manager could not set up or release
            throw ConnectionFailures.isConnectionFailure(e) ? new StoreUnavailableException(e) : e;
        }
    }

    public <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, params, mapper, false);
    }

    /**
     * Like {@link #query}, but PostgreSQL plans the statement for the values of this call every time. pgjdbc
     * turns a statement into a server-prepared one after 5 executions, and PostgreSQL may then switch to a
     * generic plan that cannot know how selective {@code name ILIKE $1} is; for the list and search queries
     * that plan can be orders of magnitude slower than the one made for the actual pattern. A prepare
     * threshold of 0 keeps the statement unnamed, so it is planned with its values on each execution.
     */
    public <T> List<T> queryPlannedPerCall(String sql, List<?> params, RowMapper<T> mapper) {
        return query(sql, params, mapper, true);
    }

    private <T> List<T> query(String sql, List<?> params, RowMapper<T> mapper, boolean planPerCall) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                if (planPerCall) {
                    ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                }
                return rows(ps, mapper);
            }
        });
    }

    private static <T> List<T> rows(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public <T> Optional<T> queryOne(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = query(sql, params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, List<?> params) {
        return withConnection(c -> {
            try (PreparedStatement ps = prepare(c, sql, params)) {
                return ps.executeUpdate();
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, toJdbc(params.get(i)));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static Object toJdbc(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return value;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
