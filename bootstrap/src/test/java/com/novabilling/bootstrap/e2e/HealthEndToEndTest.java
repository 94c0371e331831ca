package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.in.customer.CreateCustomerUseCase;
import com.novabilling.application.port.shared.StoreUnavailableException;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /health} tells whether the app can reach its database; the API answers 503, not 500, while it cannot. */
@MicronautTest(transactional = false, environments = "postgres")
class HealthEndToEndTest extends EndToEndTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // fail fast while the database is away
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("novabilling.api-key-cache-ttl", "100ms");
        return properties;
    }

    @Inject
    CreateCustomerUseCase createCustomer;

    /** Each test starts with the database reachable again (the pool may take a moment to recover). */
    @BeforeEach
    void databaseIsBack() throws Exception {
        refuseConnections(false);
        assertThat(waitForHealth().status()).isEqualTo(200);
    }

    /**
     * A transactional use case fails in the transaction manager, before any adapter code runs; the
     * persistence adapter still reports it as the out-port's StoreUnavailableException.
     */
    @Test
    void aTransactionThatCannotBeginIsTheStoreBeingUnavailable() throws Exception {
        CreateCustomerCommand command = new CreateCustomerCommand(new TenantId("default"), new Email("tx@b.io"),
                new CustomerName("Tx"), null, null, null, null, null);
        try {
            refuseConnections(true);
            assertThatThrownBy(() -> createCustomer.create(command))
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            refuseConnections(false);
        }
        assertThat(waitForHealth().status()).isEqualTo(200);
    }

    @Test
    void healthIsUpWhileTheDatabaseAnswersAndDownWhileItDoesNot() throws Exception {
        ApiResponse up = api.withoutKey().get("/health");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.object().get("status")).isEqualTo("UP");

        try {
            refuseConnections(true);

            ApiResponse down = api.withoutKey().get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.object().get("status")).isEqualTo("DOWN");

            ApiResponse list = api.get("/api/customers");
            assertThat(list.status()).as(list.toString()).isEqualTo(503);
            assertThat(list.code()).isEqualTo("service_unavailable");
            assertThat(list.header("Retry-After")).isEqualTo("5");
            assertThat(list.body()).doesNotContain("SQL").doesNotContain("jdbc").doesNotContain("Exception");

            ApiResponse create = api.post("/api/customers", "{\"email\":\"a@b.io\",\"name\":\"A\"}");
            assertThat(create.status()).as(create.toString()).isEqualTo(503);
            assertThat(create.code()).isEqualTo("service_unavailable");
        } finally {
            refuseConnections(false);
        }

        ApiResponse back = waitForHealth();
        assertThat(back.status()).isEqualTo(200);
        assertThat(api.get("/api/customers").status()).isEqualTo(200);
    }

    private ApiResponse waitForHealth() throws InterruptedException {
        ApiResponse last = null;
        for (int i = 0; i < 300; i++) {
            last = api.withoutKey().get("/health");
            if (last.status() == 200) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }

    /** Makes PostgreSQL refuse new connections to this class's database and drops the open ones. */
    private void refuseConnections(boolean refuse) throws SQLException {
        try (Connection admin = TestPostgres.server().superuserConnection("postgres");
             Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + databaseName + " WITH ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + databaseName + "'");
            }
        }
    }
}
