package com.novabilling.adapter.out.persistence.postgres.migration;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history read without Flyway ({@link AppliedMigrations}) on a real PostgreSQL: up to date exactly when Flyway
 * has applied every migration of the build and nothing else; every other history (none, pending, changed, failed,
 * unknown, elsewhere) is not, so that Flyway runs. The checksums are the ones Flyway itself records.
 */
class AppliedMigrationsTest {

    private final IndexedMigrations indexed =
            IndexedMigrations.load(getClass().getClassLoader(), StandardCharsets.UTF_8).orElseThrow();
    private final Map<String, Integer> build = indexed.versionedChecksums().orElseThrow();
    private Map<String, Object> database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase();
    }

    @Test
    void theBuildsChecksumsAreTheOnesFlywayRecordsForItsScripts() {
        Flyway flyway = flyway();
        flyway.migrate();

        Map<String, Integer> recorded = Arrays.stream(flyway.info().applied())
                .collect(Collectors.toMap(MigrationInfo::getScript, MigrationInfo::getChecksum));
        assertThat(build).hasSizeGreaterThanOrEqualTo(9).containsEntry("V1__baseline.sql", recorded.get("V1__baseline.sql"));
        assertThat(recorded).isEqualTo(build);
    }

    @Test
    void aDatabaseWithoutHistoryIsNotUpToDate() throws SQLException {
        assertThat(upToDate()).isFalse();
    }

    @Test
    void aDatabaseFlywayMigratedIsUpToDateAndFlywayAgreesItHasNothingToDo() throws SQLException {
        flyway().migrate();

        assertThat(upToDate()).isTrue();
        assertThat(flyway().info().pending()).isEmpty();
        assertThat(flyway().migrate().migrationsExecuted).isZero();
    }

    @Test
    void aPendingMigrationIsNotUpToDate() throws SQLException {
        flyway().migrate();
        execute("DELETE FROM flyway_schema_history WHERE version = (SELECT max(version::int)::text FROM flyway_schema_history)");

        assertThat(upToDate()).isFalse();
        assertThat(flyway().info().pending()).hasSize(1);
    }

    /** Histories Flyway wrote, then altered: each is not this build's, so Flyway must run. */
    static Stream<Arguments> alteredHistories() {
        return Stream.of(
                Arguments.of("a changed script", "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'"),
                Arguments.of("a migration without checksum",
                        "UPDATE flyway_schema_history SET checksum = NULL WHERE version = '2'"),
                Arguments.of("a failed migration", "UPDATE flyway_schema_history SET success = false WHERE version = '3'"),
                Arguments.of("a migration this build does not have (a later release's)",
                        appendedRow("999", "'V999__later.sql'", "1")),
                Arguments.of("a script applied twice",
                        appendedRow("1.1", "(SELECT script FROM flyway_schema_history WHERE version = '1')",
                                "(SELECT checksum FROM flyway_schema_history WHERE version = '1')")),
                Arguments.of("an empty history", "DELETE FROM flyway_schema_history"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alteredHistories")
    void anAlteredHistoryIsNotUpToDate(String what, String alteration) throws SQLException {
        flyway().migrate();
        assertThat(upToDate()).as("before: %s", what).isTrue();
        execute(alteration);

        assertThat(upToDate()).as(what).isFalse();
    }

    @Test
    void aHistoryOutsideTheCurrentSchemaIsNotUpToDate() throws SQLException {
        flyway().migrate();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA elsewhere");
            s.execute("ALTER TABLE public.flyway_schema_history SET SCHEMA elsewhere");
            // found on the search path, but not in the current schema, where Flyway would look
            s.execute("SET search_path = public, elsewhere");
            assertThat(AppliedMigrations.upToDate(c, build)).isFalse();
            s.execute("SET search_path = elsewhere, public");
            assertThat(AppliedMigrations.upToDate(c, build)).isTrue();
        }
    }

    @Test
    void anIndexWithAnythingButVersionedScriptsHasNoChecksumsAndIsNeverUpToDate() throws IOException, SQLException {
        Path root = Files.createTempDirectory("migration-index");
        Files.createDirectories(root.resolve("db/migration"));
        Files.writeString(root.resolve("db/migration/V1__a.sql"), "select 1;");
        Files.writeString(root.resolve("db/migration/R__view.sql"), "select 2;");
        MigrationIndex.write(root);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThat(IndexedMigrations.load(loader, StandardCharsets.UTF_8).orElseThrow().versionedChecksums()).isEmpty();
        }
        // no script to compare with an empty history: never up to date, even then
        flyway().migrate();
        execute("DELETE FROM flyway_schema_history");
        assertThat(upToDate(Map.of())).isFalse();
    }

    private boolean upToDate() throws SQLException {
        return upToDate(build);
    }

    private boolean upToDate(Map<String, Integer> checksums) throws SQLException {
        try (Connection c = connection()) {
            return AppliedMigrations.upToDate(c, checksums);
        }
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource((String) database.get("datasources.default.url"),
                        (String) database.get("datasources.default.username"),
                        (String) database.get("datasources.default.password"))
                .resourceProvider(indexed).javaMigrationClassProvider(indexed).load();
    }

    /** A statement adding one more successful SQL migration: {@code script} and {@code checksum} are SQL expressions. */
    private static String appendedRow(String version, String script, String checksum) {
        return "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, '" + version + "', 'added',"
                + " 'SQL', " + script + ", " + checksum + ", current_user, 1, true FROM flyway_schema_history";
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection((String) database.get("datasources.default.url"),
                (String) database.get("datasources.default.username"), (String) database.get("datasources.default.password"));
    }
}
