package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: the whole app on a random port, on a database of its own in the test
 * JVM's embedded PostgreSQL (or, where a subclass overrides {@link #persistenceProperties()}, on the in-memory
 * adapter), with the operator key {@link #OPERATOR_KEY} for tenant {@code default}.
 * Subclasses are {@code @MicronautTest(transactional = false, environments = "postgres")} on PostgreSQL (the
 * environment the launcher activates for it, so the test reads {@code application-postgres.yml}: the statement,
 * socket and pool timeouts production runs with) and {@code @MicronautTest(transactional = false)} in memory;
 * {@link #runsWithTheAppsConfiguration()} refuses any other pairing. No test-managed transaction: it would hide
 * the rows a test inserts from the app's own connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EndToEndTest implements TestPropertyProvider {

    public static final String OPERATOR_KEY = "sk_live_endToEndOperatorKey0123456789abcdefXYZ";
    public static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected JsonMapper json;

    @Inject
    protected ApplicationContext context;

    protected ApiClient api;

    /** The name of this class's database in the test JVM's PostgreSQL (null in memory). */
    protected String databaseName;

    /** Where the app keeps its data: by default a fresh database of the test JVM's embedded PostgreSQL. */
    protected Map<String, String> persistenceProperties() {
        Map<String, String> properties = new HashMap<>();
        TestPostgres.freshDatabase().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("novabilling.persistence", "postgres");
        String url = properties.get("datasources.default.url");
        databaseName = url.substring(url.lastIndexOf('/') + 1);
        return properties;
    }

    /** The in-memory adapter instead: no datasource, no Flyway. */
    protected static Map<String, String> inMemory() {
        return new HashMap<>(Map.of("novabilling.persistence", "memory"));
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(persistenceProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("novabilling.bootstrap-api-key", OPERATOR_KEY);
        properties.put("novabilling.admin-token", ADMIN_TOKEN);
        // the other tests send bursts and wrong keys on purpose; the abuse tests set their own limits
        properties.put("novabilling.rate-limit.per-second", "100000");
        properties.put("novabilling.rate-limit.burst", "1000000");
        properties.put("novabilling.auth-failure-limit", "100000");
        return properties;
    }

    /** The environment {@code Application} would activate for this persistence, so its configuration file is read. */
    @BeforeAll
    void runsWithTheAppsConfiguration() {
        boolean onPostgres = context.getProperty("novabilling.persistence", String.class).orElse("postgres")
                .equals("postgres");
        assertThat(context.getEnvironment().getActiveNames().contains("postgres"))
                .as("@MicronautTest(environments = \"postgres\") exactly when the test runs on PostgreSQL")
                .isEqualTo(onPostgres);
        if (onPostgres) {
            assertThat(context.getProperty("datasources.default.data-source-properties.options", String.class))
                    .as("application-postgres.yml read").hasValueSatisfying(o -> assertThat(o).contains("statement_timeout"));
        }
    }

    @BeforeEach
    void client() {
        api = new ApiClient(server.getURI(), OPERATOR_KEY, json);
    }
}
