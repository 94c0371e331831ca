package com.novabilling.adapter.out.persistence.jdbc;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The one place that decides whether a failure means "the database cannot be reached right now" (the
 * out-port's {@code StoreUnavailableException}, a 503 at the edge) rather than a bug.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * Somewhere in the cause chain (or among suppressed exceptions): no connection from the pool
     * ({@link CannotGetJdbcConnectionException}, the pool's timeout {@link SQLTransientConnectionException}), a
     * connection refused or lost ({@link SQLNonTransientConnectionException}), the transaction manager failing
     * on the connection itself ({@link ConnectionException}: setting auto-commit or read-only on a connection
     * the pool has already closed, whose SQLException carries no SQLSTATE), or SQLSTATE class 08 (connection
     * exception) / 57P (the server is shutting down or restarting).
     */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof ConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isConnectionFailure(suppressed)) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
