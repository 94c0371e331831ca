package com.novabilling.adapter.out.persistence.testing;

import com.novabilling.adapter.out.persistence.embedded.EmbeddedPostgresServer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped when the JVM exits; every test
 * class asks for a database of its own ({@link #freshDatabase()}), so classes never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            server = EmbeddedPostgresServer.startEphemeral();
        }
        return server;
    }

    /** Creates an empty database and returns the Micronaut properties that point the app at it. */
    public static Map<String, Object> freshDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        server().createDatabaseIfMissing(name);
        return properties(server(), name);
    }

    /** The Micronaut properties that point the app at {@code database} of {@code server} (a test's own server). */
    public static Map<String, Object> properties(EmbeddedPostgresServer server, String database) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", server.jdbcUrl(database));
        properties.put("datasources.default.username", server.username());
        properties.put("datasources.default.password", server.password());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.dialect", "POSTGRES");
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("datasources.default.minimum-idle", 1);
        properties.put("flyway.datasources.default.enabled", true);
        return properties;
    }
}
