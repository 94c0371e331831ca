package com.novabilling.adapter.out.persistence.postgres;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFailuresTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainCount() {
        assertThat(PostgresFailures.isConnectionFailure(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(PostgresFailures.isConnectionFailure(new SQLNonTransientConnectionException("refused"))).isTrue();
        assertThat(PostgresFailures.isConnectionFailure(new CannotGetJdbcConnectionException("no connection",
                new SQLException("x")))).isTrue();
        assertThat(PostgresFailures.isConnectionFailure(
                new RuntimeException("commit failed", new SQLException("I/O error", "08006")))).isTrue();
        assertThat(PostgresFailures.isConnectionFailure(
                new IllegalStateException(new RuntimeException(new SQLException("shutting down", "57P01"))))).isTrue();
        assertThat(PostgresFailures.isConnectionFailure(new ConnectionException(
                "Could not set JDBC Connection read-only", new SQLException("Connection is closed")))).isTrue();
        RuntimeException withSuppressed = new RuntimeException("rollback failed");
        withSuppressed.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(PostgresFailures.isConnectionFailure(withSuppressed)).isTrue();
    }

    @Test
    void otherSqlErrorsAndBugsDoNot() {
        assertThat(PostgresFailures.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(PostgresFailures.isConnectionFailure(new SQLException("syntax", "42601"))).isFalse();
        assertThat(PostgresFailures.isConnectionFailure(new SQLException("no state"))).isFalse();
        assertThat(PostgresFailures.isConnectionFailure(new NullPointerException())).isFalse();
        assertThat(PostgresFailures.isConnectionFailure(null)).isFalse();
    }
}
