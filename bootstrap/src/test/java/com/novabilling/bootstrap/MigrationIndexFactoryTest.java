package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.postgres.migration.IndexedMigrations;
import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app's Flyway takes its migrations from the build's index, validates them, and refuses to start on a changed one. */
class MigrationIndexFactoryTest {

    @Test
    void theAppsFlywayTakesTheIndexAndAChangedMigrationStillStopsTheStart() throws SQLException {
        Map<String, Object> database = TestPostgres.freshDatabase();
        try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            Flyway flyway = context.getBean(Flyway.class, Qualifiers.byName("default"));
            assertThat(flyway.getConfiguration().getResourceProvider()).isInstanceOf(IndexedMigrations.class);
            assertThat(flyway.getConfiguration().getJavaMigrationClassProvider()).isInstanceOf(IndexedMigrations.class);
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().applied()).hasSizeGreaterThanOrEqualTo(7);
        }
        // other locations configured: Flyway scans them as before
        Map<String, Object> elsewhere = new HashMap<>(TestPostgres.freshDatabase());
        elsewhere.put("flyway.datasources.default.locations", "classpath:db/migration");
        try (ApplicationContext context = ApplicationContext.builder().properties(elsewhere).start()) {
            assertThat(context.getBean(DatabaseStart.class).await()).isTrue();
            Flyway flyway = context.getBean(Flyway.class, Qualifiers.byName("default"));
            assertThat(flyway.getConfiguration().getResourceProvider()).isNull();
            assertThat(flyway.info().applied()).hasSizeGreaterThanOrEqualTo(7);
        }
        // version 1 applied with a checksum its script no longer has (as if edited afterwards): the start fails
        try (Connection c = DriverManager.getConnection((String) database.get("datasources.default.url"),
                (String) database.get("datasources.default.username"), (String) database.get("datasources.default.password"));
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'"))
                    .isEqualTo(1);
        }
        // (the migrations run on the start's own thread; the HTTP server is not built, so no port is bound, until
        // they have finished)
        assertThatThrownBy(() -> {
            try (ApplicationContext context = ApplicationContext.builder().properties(database).start()) {
                context.getBean(EmbeddedServer.class);
            }
        })
                .hasStackTraceContaining("FlywayValidateException")
                .hasStackTraceContaining("Migration checksum mismatch for migration version 1");
    }
}
