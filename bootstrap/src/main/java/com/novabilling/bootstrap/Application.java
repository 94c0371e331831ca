package com.novabilling.bootstrap;

import com.novabilling.adapter.out.persistence.embedded.EmbeddedPostgresPlatform;
import com.novabilling.adapter.out.persistence.embedded.EmbeddedPostgresServer;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts NovaBilling on the adapter {@code NOVABILLING_PERSISTENCE} names ({@link Persistence}). On
 * PostgreSQL with no database configured it first starts the embedded server ({@link EmbeddedDatabaseDefault});
 * with {@code DATASOURCES_DEFAULT_URL} it uses that database. In memory it starts no database at all.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        StartPreload preload = StartPreload.begin(Application.class.getClassLoader());
        // Logback is configured in code (logging.LogConfiguration: text lines, or JSON lines with
        // NOVABILLING_LOG_FORMAT=json), unless -Dlogback.configurationFile names a file
        Map<String, String> env = System.getenv();
        try {
            start(args, env, preload);
        } catch (IllegalArgumentException | EmbeddedPostgresPlatform.UnsupportedPlatformException e) {
            LoggerFactory.getLogger(Application.class).error(e.getMessage());
            System.exit(2);
        } catch (EmbeddedPostgresServer.DataDirectoryInUseException e) {
            // a second ./run.sh on the same data: the first keeps its database
            LoggerFactory.getLogger(Application.class).error("{}. Another NovaBilling is running on it: stop it first, or"
                    + " start this one with a data directory of its own (NOVABILLING_DATA_DIR)", e.getMessage());
            System.exit(2);
        }
    }

    private static void start(String[] args, Map<String, String> env, StartPreload preload) {
        boolean jsonLogs = NovaBillingLauncher.jsonLogs(env);
        Persistence persistence = Persistence.chosen(env);
        Map<String, Object> properties = new HashMap<>();
        properties.put(Persistence.PROPERTY, persistence.environment());
        Runnable afterStop = () -> { };
        if (persistence == Persistence.MEMORY) {
            if (isSet(env.get("DATASOURCES_DEFAULT_URL")) || isSet(System.getProperty("datasources.default.url"))) {
                throw new ConfigurationException("NOVABILLING_PERSISTENCE=memory and DATASOURCES_DEFAULT_URL are both set;"
                        + " unset one of them");
            }
            // every start is empty: create the first tenant and print its key, as on a new embedded database
            properties.put("novabilling.embedded-database", true);
        } else {
            EmbeddedDatabaseDefault.Database database = EmbeddedDatabaseDefault.startIfNoDatabaseConfigured(env);
            properties.putAll(database.properties());
            afterStop = database.stop();
        }
        preload.awaitServiceScan();
        Micronaut launcher = new NovaBillingLauncher(afterStop).banner(!jsonLogs);
        launcher.args(args);
        launcher.mainClass(Application.class)
                .environments(persistence.environment())
                .properties(properties)
                .start();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
