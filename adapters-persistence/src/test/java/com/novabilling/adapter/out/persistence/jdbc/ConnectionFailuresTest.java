package com.novabilling.adapter.out.persistence.jdbc;

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
        assertThat(ConnectionFailures.isConnectionFailure(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLNonTransientConnectionException("refused"))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new CannotGetJdbcConnectionException("no connection",
                new SQLException("x")))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(
                new RuntimeException("commit failed", new SQLException("I/O error", "08006")))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(
                new IllegalStateException(new RuntimeException(new SQLException("shutting down", "57P01"))))).isTrue();
        assertThat(ConnectionFailures.isConnectionFailure(new ConnectionException(
                "Could not set JDBC Connection read-only", new SQLException("Connection is closed")))).isTrue();
        RuntimeException withSuppressed = new RuntimeException("rollback failed");
        withSuppressed.addSuppressed(new SQLException("I/O error", "08006"));
        assertThat(ConnectionFailures.isConnectionFailure(withSuppressed)).isTrue();
    }

    @Test
    void otherSqlErrorsAndBugsDoNot() {
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("syntax", "42601"))).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new SQLException("no state"))).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(new NullPointerException())).isFalse();
        assertThat(ConnectionFailures.isConnectionFailure(null)).isFalse();
    }
}
