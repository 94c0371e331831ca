package com.novabilling.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.novabilling.adapter.in.rest.error.RequestIdFilter;
import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The start's database work (migrations, then the operator's key) runs on its own thread while the main thread
 * builds the app, and the HTTP server exists only once it has finished, or the start fails with its error.
 */
class DatabaseStartTest {

    private static final String KEY = "sk_live_databasestartdatabasestartdatabasestart";

    private final Logger flywayLog = (Logger) LoggerFactory.getLogger("io.micronaut.flyway.AbstractFlywayMigration");
    private final Logger accessLog = (Logger) LoggerFactory.getLogger(AccessBootstrap.class);
    private final Logger startLog = (Logger) LoggerFactory.getLogger(DatabaseStart.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        flywayLog.addAppender(lines);
        accessLog.addAppender(lines);
        startLog.addAppender(lines);
    }

    @AfterEach
    void release() {
        flywayLog.detachAppender(lines);
        accessLog.detachAppender(lines);
        startLog.detachAppender(lines);
        lines.stop();
    }

    @Test
    void migratesThenEnsuresTheKeyOnTheStartsThreadAndTheServerIsBuiltAfter() throws SQLException {
        Map<String, Object> database = withKey(TestPostgres.freshDatabase(), KEY);
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            // once the server bean exists, both are done (nothing waits here)
            assertThat(server.isRunning()).isFalse();
            assertThat(count(database, "SELECT count(*) FROM flyway_schema_history WHERE success")).isGreaterThanOrEqualTo(9);
            assertThat(count(database, "SELECT count(*) FROM api_keys WHERE tenant_id = 'default' AND name = 'bootstrap'"))
                    .isEqualTo(1);
        }
        List<String> threads = events().stream().map(ILoggingEvent::getThreadName).distinct().toList();
        assertThat(threads).containsExactly(DatabaseStart.THREAD);
        assertThat(events()).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Running migrations for database"))
                .last().satisfies(line -> assertThat(line).startsWith("Bootstrap API key ApiKeySecret[sk_live_data…] ensured"));
    }

    @Test
    void onADatabaseWithEveryMigrationOfTheBuildFlywayIsLeftOutAndAnythingElseRunsIt() throws SQLException {
        Map<String, Object> database = withKey(TestPostgres.freshDatabase(), KEY);
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            assertThat(context.findBean(Flyway.class, Qualifiers.byName("default"))).isPresent();
        }
        long applied = count(database, "SELECT count(*) FROM flyway_schema_history WHERE success");
        clearLines();

        // the usual restart: the history is this build's, Flyway is not run (it would register its bean)
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            assertThat(context.findBean(Flyway.class, Qualifiers.byName("default"))).isEmpty();
            context.getBean(EmbeddedServer.class);
        }
        assertThat(events()).extracting(ILoggingEvent::getThreadName, ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        tuple(DatabaseStart.THREAD, "Schema up to date: the " + applied
                                + " migrations of this build are applied (Flyway runs when one is not)"),
                        tuple(DatabaseStart.THREAD,
                                "Bootstrap API key ApiKeySecret[sk_live_data…] ensured for tenant 'default'"));
        clearLines();

        // the last migration not applied yet (a new release's first start): Flyway runs and applies it
        Map<String, Object> previous = withKey(TestPostgres.freshDatabase(), KEY);
        Flyway.configure().dataSource((String) previous.get("datasources.default.url"),
                        (String) previous.get("datasources.default.username"),
                        (String) previous.get("datasources.default.password"))
                .target(String.valueOf(count(database, "SELECT max(version::int) FROM flyway_schema_history") - 1))
                .load().migrate();
        assertThat(count(previous, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(applied - 1);
        try (ApplicationContext context = ApplicationContext.builder().properties(previous).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            assertThat(context.findBean(Flyway.class, Qualifiers.byName("default"))).isPresent();
        }
        assertThat(count(previous, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(applied);
        assertThat(events()).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Running migrations for database"))
                .noneSatisfy(line -> assertThat(line).startsWith("Schema up to date"));
        clearLines();

        // a setting the check does not model (here a target): Flyway runs, although nothing is pending
        Map<String, Object> target = new HashMap<>(database);
        target.put("flyway.datasources.default.target", String.valueOf(applied));
        try (ApplicationContext context = ApplicationContext.builder().properties(target).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            assertThat(context.findBean(Flyway.class, Qualifiers.byName("default"))).isPresent();
        }
        assertThat(events()).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Running migrations for database"));
    }

    @Test
    void afterItsWorkTheStartsThreadMakesTheBeansOfTheFirstRequestBeforeAnyRequest() throws InterruptedException {
        Map<String, Object> database = withKey(TestPostgres.freshDatabase(), KEY);
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            // no server started, no request made: only the warm-up makes these
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((context.getActiveBeanRegistrations(HealthEndpoint.class).isEmpty()
                    || context.getActiveBeanRegistrations(RequestIdFilter.class).isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(context.getActiveBeanRegistrations(HealthEndpoint.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(RequestIdFilter.class)).hasSize(1);
            assertThat(context.getActiveBeanRegistrations(HealthIndicator.class)).isNotEmpty();
        }
    }

    @Test
    void aMalformedKeyFailsTheStartWithItsOwnMessageAndNoServerIsBuilt() {
        Map<String, Object> database = withKey(TestPostgres.freshDatabase(), "sk_live_short");
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            assertThatThrownBy(() -> context.getBean(EmbeddedServer.class))
                    .hasStackTraceContaining("IllegalStateException")
                    .hasStackTraceContaining("NOVABILLING_BOOTSTRAP_API_KEY must be sk_live_ or sk_test_");
        }
    }

    @Test
    void withFlywayOffTheKeyIsEnsuredBeforeTheServerIsBuilt() throws SQLException {
        Map<String, Object> database = TestPostgres.freshDatabase();
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
        }
        clearLines();
        Map<String, Object> flywayOff = withKey(database, KEY);
        flywayOff.put("flyway.datasources.default.enabled", false);
        try (ApplicationContext context = ApplicationContext.builder().properties(flywayOff).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isFalse();
            context.getBean(EmbeddedServer.class);
            assertThat(count(database, "SELECT count(*) FROM api_keys WHERE tenant_id = 'default' AND name = 'bootstrap'"))
                    .isEqualTo(1);
        }
        // no migration ran; the key was ensured by the thread that built the server
        assertThat(events()).extracting(ILoggingEvent::getThreadName, ILoggingEvent::getFormattedMessage)
                .singleElement().satisfies(line -> {
                    assertThat(line.toList().get(0)).isEqualTo(Thread.currentThread().getName());
                    assertThat((String) line.toList().get(1)).startsWith("Bootstrap API key ApiKeySecret[sk_live_data…] ensured");
                });
    }

    private void clearLines() {
        synchronized (lines) {
            lines.list.clear();
        }
    }

    private List<ILoggingEvent> events() {
        synchronized (lines) {
            return List.copyOf(lines.list);
        }
    }

    private static Map<String, Object> withKey(Map<String, Object> database, String key) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("novabilling.bootstrap-api-key", key);
        return properties;
    }

    private static long count(Map<String, Object> database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection((String) database.get("datasources.default.url"),
                (String) database.get("datasources.default.username"), (String) database.get("datasources.default.password"));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
