package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.embedded.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * The run default: when neither {@code DATASOURCES_DEFAULT_URL} nor {@code -Ddatasources.default.url}
 * names a database, start the embedded PostgreSQL with its data in {@code NOVABILLING_DATA_DIR}
 * (default {@code ./.novabilling/pgdata}) and point the app at it, logged in as the service role (not a
 * superuser) with the password kept in the data directory. The server stops after the application context, in
 * the shutdown hook ({@link Database#stop()}), so requests still being answered keep their database.
 */
final class EmbeddedDatabaseDefault {

    static final String DATABASE = "novabilling";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseDefault.class);

    private EmbeddedDatabaseDefault() {
    }

    /** The properties that point the app at the database, and how to stop it (nothing for an external one). */
    record Database(Map<String, Object> properties, Runnable stop) {
    }

    static Database startIfNoDatabaseConfigured(Map<String, String> env) {
        if (isSet(env.get("DATASOURCES_DEFAULT_URL")) || isSet(System.getProperty("datasources.default.url"))) {
            LOG.info("Using the configured database; no embedded PostgreSQL started");
            return new Database(Map.of(), () -> { });
        }
        Path dataDir = Path.of(isSet(env.get("NOVABILLING_DATA_DIR"))
                ? env.get("NOVABILLING_DATA_DIR") : ".novabilling/pgdata").toAbsolutePath().normalize();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(dataDir);
        server.createDatabaseIfMissing(DATABASE);
        return new Database(Map.of(
                "datasources.default.url", server.jdbcUrl(DATABASE),
                "datasources.default.username", server.username(),
                "datasources.default.password", server.password(),
                "novabilling.embedded-database", true), server::close);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
