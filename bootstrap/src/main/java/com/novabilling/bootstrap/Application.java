package com.novabilling.bootstrap;

import io.micronaut.runtime.Micronaut;

/**
 * Starts NovaBilling. With no database configured it first starts the embedded PostgreSQL
 * ({@link EmbeddedDatabaseDefault}); with {@code DATASOURCES_DEFAULT_URL} it uses that database.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(EmbeddedDatabaseDefault.startIfNoDatabaseConfigured(System.getenv()))
                .start();
    }
}
