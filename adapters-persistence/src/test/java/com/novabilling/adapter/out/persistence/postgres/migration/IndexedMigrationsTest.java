package com.novabilling.adapter.out.persistence.postgres.migration;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Flyway on the build's list of migrations ({@link IndexedMigrations}) instead of its class-path scanner: the list is
 * the directory's files, Flyway resolves the same migrations with the same checksums from it, and an applied
 * migration changed afterwards still fails the validation (bootstrap's MigrationIndexFactoryTest: the app uses it).
 */
class IndexedMigrationsTest {

    private static final Path SOURCES = Path.of("src/main/resources/db/migration");

    @Test
    void theBuildsIndexListsEveryFileOfTheMigrationDirectory() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(Files::isRegularFile)
                    .map(f -> "db/migration/" + SOURCES.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        String index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MigrationIndex.RESOURCE)) {
            assertThat(in).as("the index the build writes in process-classes").isNotNull();
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(files).contains("db/migration/V1__baseline.sql").hasSizeGreaterThanOrEqualTo(7);
        assertThat(index.lines().toList()).isEqualTo(files);
    }

    @Test
    void indexesAnyDirectoryAsFlywaysScannerWouldFindIt() throws IOException {
        Path root = Files.createTempDirectory("migration-index");
        Files.createDirectories(root.resolve("db/migration/sub"));
        Files.writeString(root.resolve("db/migration/V2__b.sql"), "select 2;");
        Files.writeString(root.resolve("db/migration/V1__a.sql"), "select 1;");
        Files.writeString(root.resolve("db/migration/sub/V3__c.sql"), "select 3;");
        Files.writeString(root.resolve("elsewhere.sql"), "select 0;");

        assertThat(MigrationIndex.write(root))
                .containsExactly("db/migration/V1__a.sql", "db/migration/V2__b.sql", "db/migration/sub/V3__c.sql");
        assertThat(Files.readString(root.resolve(MigrationIndex.RESOURCE)))
                .isEqualTo("db/migration/V1__a.sql\ndb/migration/V2__b.sql\ndb/migration/sub/V3__c.sql\n");
        assertThat(MigrationIndex.list(Files.createTempDirectory("no-migrations"))).isEmpty();
    }

    @Test
    void flywayResolvesTheSameMigrationsWithTheSameChecksumsAsItsScanner() {
        Map<String, Object> database = TestPostgres.freshDatabase();
        IndexedMigrations indexed = IndexedMigrations.load(getClass().getClassLoader(), StandardCharsets.UTF_8).orElseThrow();

        List<String> scanned = describe(configure(database).load().info().all());
        List<String> fromIndex = describe(configure(database).resourceProvider(indexed).javaMigrationClassProvider(indexed)
                .load().info().all());

        assertThat(scanned).hasSizeGreaterThanOrEqualTo(7);
        assertThat(fromIndex).isEqualTo(scanned);
        // and it migrates from it: every migration applied, none pending
        configure(database).resourceProvider(indexed).javaMigrationClassProvider(indexed).load().migrate();
        assertThat(configure(database).load().info().pending()).isEmpty();
        assertThat(describe(configure(database).load().info().applied())).hasSize(scanned.size());
        assertThat(indexed.getResource("V1__baseline.sql")).isNotNull();
        assertThat(indexed.getResource("v1__BASELINE.sql")).isSameAs(indexed.getResource("V1__baseline.sql"));
        assertThat(indexed.getResource("V0__none.sql")).isNull();
        assertThat(indexed.getResources("V", new String[] {".sql"})).hasSize(scanned.size());
        assertThat(indexed.getResources("R", new String[] {".sql"})).isEmpty();
        assertThat(indexed.getClasses()).isEmpty();
    }

    @Test
    void anAppliedMigrationChangedAfterwardsStillFailsTheValidation() throws SQLException {
        Map<String, Object> database = TestPostgres.freshDatabase();
        IndexedMigrations indexed = IndexedMigrations.load(getClass().getClassLoader(), StandardCharsets.UTF_8).orElseThrow();
        Flyway flyway = configure(database).resourceProvider(indexed).javaMigrationClassProvider(indexed).load();
        flyway.migrate();
        flyway.validate();
        // the script of version 1 no longer matches what was applied (as if it had been edited)
        corruptChecksumOfVersion1(database);
        assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("Migration checksum mismatch for migration version 1");
    }

    /** Makes the applied version 1 differ from its script, as if the script had been edited after it ran. */
    private static void corruptChecksumOfVersion1(Map<String, Object> database) throws SQLException {
        try (Connection c = DriverManager.getConnection((String) database.get("datasources.default.url"),
                (String) database.get("datasources.default.username"), (String) database.get("datasources.default.password"));
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'"))
                    .isEqualTo(1);
        }
    }

    private static FluentConfiguration configure(Map<String, Object> database) {
        return Flyway.configure().dataSource((String) database.get("datasources.default.url"),
                (String) database.get("datasources.default.username"), (String) database.get("datasources.default.password"));
    }

    private static List<String> describe(MigrationInfo[] migrations) {
        return Arrays.stream(migrations)
                .map(m -> m.getVersion() + "|" + m.getDescription() + "|" + m.getScript() + "|" + m.getChecksum()
                        + "|" + m.getType() + "|" + m.getState())
                .toList();
    }
}
