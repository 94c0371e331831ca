package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.postgres.migration.AppliedMigrations;
import com.novabilling.adapter.out.persistence.postgres.migration.IndexedMigrations;
import io.micronaut.context.BeanContext;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a start may leave Flyway out: when the database's history already holds exactly this build's migrations
 * ({@link AppliedMigrations}, one statement), Flyway would validate it and migrate nothing, and it cost the start
 * 0.3-0.4 s on the database thread of a two-core box (its classes, its configuration copied through Jackson, its
 * own connections and queries; docs/benchmarks.md "Start, fourteenth look"). It applies only where nothing but the
 * scripts and the history could change what Flyway does on such a history: Flyway reads the build's index
 * ({@link IndexedMigrations}, given by {@link MigrationIndexFactory}, no customizer of its own) on the datasource's
 * own pool, with the default history table, schema, naming, target and no callbacks, no extra properties, no clean.
 * Anywhere else, and on any doubt, Flyway runs as before and decides.
 */
final class FlywayShortcut {

    private static final String DEFAULT_TABLE = "flyway_schema_history";

    private FlywayShortcut() {
    }

    /**
     * The number of migrations found applied, when {@code flyway}'s migrations on {@code dataSource} are all
     * applied as this build has them and Flyway may be left out; empty when Flyway must run.
     */
    static Optional<Integer> upToDate(FlywayConfigurationProperties flyway, BeanContext context, DataSource dataSource) {
        if (!applies(flyway, context)) {
            return Optional.empty();
        }
        Optional<IndexedMigrations> indexed = context.findBean(ResourceProvider.class,
                        Qualifiers.byName(flyway.getNameQualifier()))
                .filter(IndexedMigrations.class::isInstance).map(IndexedMigrations.class::cast);
        Optional<Map<String, Integer>> build = indexed.flatMap(IndexedMigrations::versionedChecksums);
        if (build.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            return AppliedMigrations.upToDate(connection, build.get()) ? Optional.of(build.get().size()) : Optional.empty();
        } catch (SQLException noConnection) {
            // Flyway asks the pool again and reports the failure in its own words
            return Optional.empty();
        }
    }

    /** Only Flyway's defaults and the build's index: nothing configured that the history check does not model. */
    private static boolean applies(FlywayConfigurationProperties flyway, BeanContext context) {
        if (flyway.isCleanSchema() || flyway.isAsync() || flyway.hasAlternativeDatabaseConfiguration()
                || (flyway.getProperties() != null && !flyway.getProperties().isEmpty())
                || context.findBean(FlywayConfigurationCustomizer.class, Qualifiers.byName(flyway.getNameQualifier()))
                        .isPresent()) {
            return false;
        }
        FluentConfiguration configuration = flyway.getFluentConfiguration();
        return DEFAULT_TABLE.equals(configuration.getTable())
                && configuration.getSchemas().length == 0 && configuration.getDefaultSchema() == null
                && configuration.getCallbacks().length == 0
                && MigrationVersion.LATEST.equals(configuration.getTarget())
                && (configuration.getCherryPick() == null || configuration.getCherryPick().length == 0)
                && "V".equals(configuration.getSqlMigrationPrefix())
                && "__".equals(configuration.getSqlMigrationSeparator())
                && Arrays.equals(configuration.getSqlMigrationSuffixes(), new String[] {".sql"})
                && configuration.getDryRunOutput() == null
                && !configuration.isSkipExecutingMigrations();
    }
}
