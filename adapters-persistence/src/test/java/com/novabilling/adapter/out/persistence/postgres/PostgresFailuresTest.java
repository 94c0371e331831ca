package com.novabilling.adapter.out.persistence.postgres;

import com.novabilling.application.port.shared.StoreUnavailableException;
import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresFailuresTest {

    private static <T> T failing(RuntimeException e) {
        throw e;
    }

    @Test
    void connectionClassFailuresAnywhereInTheChainMeanTheStoreIsUnavailable() {
        for (SQLException cause : new SQLException[] {new SQLException("lost", "08006"), new SQLException("shutdown", "57P01"),
                new SQLTransientConnectionException("pool timeout")}) {
            assertThatThrownBy(() -> PostgresFailures.translate(() -> failing(new DataAccessException("wrapped", cause))))
                    .isInstanceOf(StoreUnavailableException.class).hasRootCause(cause);
        }
    }

    @Test
    void aConnectionThatCannotBeResetOrASuppressedConnectionFailureCountsToo() {
        assertThat(PostgresFailures.isConnectionFailure(new DataAccessException("find",
                new io.micronaut.data.connection.exceptions.ConnectionException("Could not set read-only: closed")))).isTrue();
        RuntimeException withSuppressed = new IllegalStateException("outer");
        withSuppressed.addSuppressed(new SQLException("terminating connection", "57P01"));
        assertThat(PostgresFailures.isConnectionFailure(withSuppressed)).isTrue();
    }

    @Test
    void otherFailuresTravelOnUnchanged() {
        DataAccessException syntax = new DataAccessException("bad", new SQLException("syntax", "42601"));
        assertThatThrownBy(() -> PostgresFailures.translate(() -> failing(syntax), Map.of("x", IllegalStateException::new)))
                .isSameAs(syntax);
        assertThat(PostgresFailures.isConnectionFailure(new SQLException("unique", "23505"))).isFalse();
        assertThat(PostgresFailures.translate(() -> 42)).isEqualTo(42);
    }
}
