package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A first start on the embedded database that cannot bind its port creates no tenant and no key, and says
 * which variable moves the port; the next start then still creates and prints the first key, with the
 * address it really serves on.
 */
class FirstStartOnBusyPortTest {

    @Test
    void aStartThatCannotBindCreatesNothingAndTheNextStartPrintsTheFirstKey() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestPostgres.freshDatabase());
        properties.put("novabilling.embedded-database", true);

        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            properties.put("micronaut.server.port", busy.getLocalPort());
            Throwable failure = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, properties).close());

            assertThat(failure).isNotNull();
            assertThat(NovaBillingLauncher.bindFailure(failure, busy.getLocalPort())).hasValueSatisfying(message ->
                    assertThat(message).contains("Port " + busy.getLocalPort() + " is already in use")
                            .contains("MICRONAUT_SERVER_PORT"));
            assertThat(tenants(properties)).isZero();
        }

        properties.put("micronaut.server.port", -1);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            System.setOut(original);
            assertThat(tenants(properties)).isOne();
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .containsPattern("\\n   sk_live_[A-Za-z0-9]{40}\\n")
                    .contains("http://localhost:" + server.getPort() + "/api/customers");
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void otherStartFailuresAreNotReportedAsABusyPort() {
        assertThat(NovaBillingLauncher.bindFailure(new IllegalStateException("no database"), 3000)).isEmpty();
    }

    private static int tenants(Map<String, Object> properties) throws SQLException {
        try (Connection c = DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM tenants")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
