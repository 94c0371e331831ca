package com.novabilling.adapter.out.persistence.postgres;

import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place where PostgreSQL failures get a meaning for the application: a lost or unobtainable
 * connection becomes {@link StoreUnavailableException} (HTTP 503), a unique violation on a constraint the
 * caller names becomes that caller's domain error, anything else travels on unchanged (a bug: HTTP 500).
 * Micronaut Data and the pool wrap the driver's {@link SQLException}, so the whole cause chain is read.
 * Failures of the transaction manager itself (begin, commit) are classified here too, through
 * {@link TranslateStoreFailures} on the use cases.
 */
public final class PostgresFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    /** statement_timeout (or an operator's pg_cancel_backend): the database is too slow or stuck right now. */
    private static final String QUERY_CANCELED = "57014";

    private PostgresFailures() {
    }

    /** Runs a statement with no unique constraint to map. */
    public static <T> T translate(Supplier<T> work) {
        return translate(work, Map.of());
    }

    /**
     * Runs {@code work}; a unique violation of a constraint (or unique index) named in {@code uniqueConstraints}
     * throws the error that map supplies.
     */
    public static <T> T translate(Supplier<T> work, Map<String, Supplier<? extends RuntimeException>> uniqueConstraints) {
        try {
            return work.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new StoreUnavailableException(e);
            }
            Optional<String> constraint = violatedUniqueConstraint(e);
            if (constraint.isPresent() && uniqueConstraints.containsKey(constraint.get())) {
                RuntimeException domain = uniqueConstraints.get(constraint.get()).get();
                domain.addSuppressed(e);
                throw domain;
            }
            throw e;
        }
    }

    /**
     * Whether the failure says the database cannot be reached: anywhere in its cause chain (and the exceptions
     * suppressed along it), no pooled connection within the timeout, a connection refused or lost
     * ({@link SQLNonTransientConnectionException}), a connection Micronaut Data could not
     * open, configure or reset ({@link ConnectionException}: a connection that died mid-call fails again when
     * it is handed back), SQLSTATE class 08 (connection exception), 57P (the server is shutting down or
     * restarting) or 57014 (a statement cancelled by its {@code statement_timeout}).
     */
    public static boolean isConnectionFailure(Throwable failure) {
        return isConnectionFailure(failure, 0);
    }

    private static boolean isConnectionFailure(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof StoreUnavailableException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    || QUERY_CANCELED.equals(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isConnectionFailure(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the failure happened before anything reached the database: no connection could be obtained (the
     * pool's timeout, a refused or failed connect). Then a write certainly changed nothing.
     */
    public static boolean nothingSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException
                    || t instanceof SQLException sql && "08001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is a statement cancelled by its {@code statement_timeout} (or an operator): PostgreSQL
     * answered, and a statement in autocommit that was cancelled changed nothing.
     */
    public static boolean statementCanceled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a statement sent in autocommit may have committed although it failed: unless no connection was
     * obtained ({@link #nothingSent}) or PostgreSQL cancelled it ({@link #statementCanceled}), the connection may
     * have lost only the answer of a statement that committed by itself.
     */
    public static boolean mayHaveCommitted(Throwable failure) {
        return !nothingSent(failure) && !statementCanceled(failure);
    }

    /** The constraint (or unique index) of a unique violation (SQLSTATE 23505) in the cause chain. */
    static Optional<String> violatedUniqueConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException p && UNIQUE_VIOLATION.equals(p.getSQLState())
                    && p.getServerErrorMessage() != null) {
                return Optional.ofNullable(p.getServerErrorMessage().getConstraint());
            }
        }
        return Optional.empty();
    }
}
