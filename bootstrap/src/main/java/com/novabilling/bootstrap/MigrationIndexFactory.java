package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.postgres.migration.IndexedMigrations;
import com.novabilling.adapter.out.persistence.postgres.migration.MigrationIndex;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.migration.JavaMigration;

import java.nio.charset.StandardCharsets;

/**
 * Gives micronaut-flyway the migrations of {@link IndexedMigrations} for the datasource {@code default} (its
 * {@code DefaultFlywayConfigurationCustomizer} takes a {@link ResourceProvider} and a {@link ClassProvider} named
 * after the datasource), so Flyway does not scan the class path at start. Only when the build wrote the index and
 * Flyway's locations are the default ({@code db/migration}); otherwise Flyway scans as it always did. Scripts are
 * read as UTF-8, Flyway's default encoding.
 */
@Factory
@Requires(property = Persistence.PROPERTY, value = "postgres", defaultValue = "postgres")
@Requires(resources = "classpath:" + MigrationIndex.RESOURCE)
@Requires(missingProperty = "flyway.datasources.default.locations")
@Requires(missingProperty = "flyway.datasources.default.encoding")
class MigrationIndexFactory {

    private final IndexedMigrations migrations = IndexedMigrations.load(MigrationIndexFactory.class.getClassLoader(),
            StandardCharsets.UTF_8).orElseThrow(() -> new IllegalStateException("no " + MigrationIndex.RESOURCE));

    @Singleton
    @Named("default")
    ResourceProvider migrationScripts() {
        return migrations;
    }

    @Singleton
    @Named("default")
    ClassProvider<JavaMigration> javaMigrations() {
        return migrations;
    }
}
