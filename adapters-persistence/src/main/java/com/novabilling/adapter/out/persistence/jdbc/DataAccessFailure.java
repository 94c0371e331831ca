package com.novabilling.adapter.out.persistence.jdbc;

import java.sql.SQLException;
import java.util.Optional;

/** An SQL error nobody expected; carries the {@link SQLException} for the few callers that map one. */
public final class DataAccessFailure extends RuntimeException {

    public DataAccessFailure(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    /** The violated constraint (or unique index) of a unique violation, SQLSTATE 23505. */
    public Optional<String> violatedUniqueConstraint() {
        SQLException e = sqlException();
        if (!"23505".equals(e.getSQLState())) {
            return Optional.empty();
        }
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return Optional.ofNullable(p.getServerErrorMessage().getConstraint());
        }
        return Optional.of("");
    }
}
