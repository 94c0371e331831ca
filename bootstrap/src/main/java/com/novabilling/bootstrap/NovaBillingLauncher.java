package com.novabilling.bootstrap;

import com.novabilling.bootstrap.lifecycle.GracefulShutdown;
import com.novabilling.bootstrap.logging.LogConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.banner.MicronautBanner;
import io.micronaut.context.env.Environment;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Micronaut's launcher with NovaBilling's start-up rules: a port already in use says which variable
 * moves it, a database it cannot use says what the driver was told, and a refused {@code NOVABILLING_*} value
 * names it, each in one line without a stack trace ({@link #knownFailure}), {@code NOVABILLING_LOG_FORMAT} is
 * {@code text} or {@code json}, and JSON logs get no ASCII banner
 * (every line on standard output stays one JSON object), and SIGTERM/SIGINT run {@link GracefulShutdown} (drain,
 * then stop) and then {@code afterStop} (the embedded PostgreSQL), in that order, in one shutdown hook.
 */
final class NovaBillingLauncher extends Micronaut {

    static final String LOG_FORMAT = LogConfiguration.LOG_FORMAT;
    /** How the messages of the app's own configuration checks begin: with the variable's name. */
    static final String VARIABLE_PREFIX = "NOVABILLING_";
    private static final Logger LOG = LoggerFactory.getLogger(NovaBillingLauncher.class);

    private final Runnable afterStop;
    private ClassPathResourceLoader resourceLoader;

    /** {@code afterStop} runs once the context has stopped, on shutdown or on a failed start. */
    NovaBillingLauncher(Runnable afterStop) {
        this.afterStop = afterStop;
    }

    /**
     * Micronaut's {@code start()} without its shutdown hook, which stops the event loops first and so cuts the
     * connections of requests still running: the hook here drains first ({@link GracefulShutdown}).
     */
    @Override
    public ApplicationContext start() {
        long start = System.nanoTime();
        if (isBannerEnabled()) {
            new MicronautBanner(System.out).print();
        }
        ApplicationContext context = build();
        Thread hook = null;
        try {
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            GracefulShutdown shutdown = context.getBean(GracefulShutdown.class);
            hook = new Thread(() -> {
                try {
                    shutdown.run();
                } finally {
                    afterStop.run();
                }
            }, "novabilling-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            server.start();
            LOG.info("Startup completed in {}ms. Server Running: {}",
                    (System.nanoTime() - start) / 1_000_000, server.getURL());
        } catch (Throwable e) {
            // read before the close: a closed context makes (and logs) a new environment
            Environment environment = context.getEnvironment();
            try {
                context.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            afterStop.run();
            // nothing is left to drain: the exit that follows must not wait out the shutdown's grace
            removeHook(hook);
            handleStartupException(environment, e);
        }
        return context;
    }

    private static void removeHook(Thread hook) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a signal came first: the hook is running already
            }
        }
    }

    /** Configuration files read from the jar without opening it as a zip file system each time. */
    @Override
    public ClassPathResourceLoader getResourceLoader() {
        if (resourceLoader == null) {
            resourceLoader = new JarEntryResourceLoader(getClassLoader());
        }
        return resourceLoader;
    }

    /** Whether the logs are JSON lines; an unknown value is refused. */
    static boolean jsonLogs(Map<String, String> env) {
        // exactly as logback.xml compares it
        String format = Optional.ofNullable(env.get(LOG_FORMAT)).orElse("");
        return switch (format) {
            case "", "text" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException(LOG_FORMAT + " must be text or json, not '" + env.get(LOG_FORMAT) + "'");
        };
    }

    /** The port-in-use message, or empty when {@code failure} is something else. */
    static Optional<String> bindFailure(Throwable failure, Object port) {
        return causes(failure).filter(BindException.class::isInstance).findFirst()
                .map(bind -> "Port " + port + " is already in use (another NovaBilling, or another program). "
                        + "Stop it, or start on another port: MICRONAUT_SERVER_PORT=3001 ./run.sh. "
                        + "Nothing was created: the first API key is made only once the port is bound.");
    }

    /** {@code failure} and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }

    /**
     * The message for a database that refused the start's connection, or empty when {@code failure} is something
     * else: no connection (SQLSTATE class 08: nothing listens there, a timeout, a refused TLS), no access (28: the
     * user or password) or no such database (3D000). It repeats the driver's own words, which name the host,
     * port, user or database but never the password, and the variables that set them.
     */
    static Optional<String> databaseFailure(Throwable failure) {
        return causes(failure).filter(SQLException.class::isInstance).map(SQLException.class::cast)
                .filter(sql -> sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                        || sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000")))
                .findFirst()
                .map(sql -> "Cannot start: no usable connection to the database (SQLSTATE " + sql.getSQLState()
                        + "): " + sentence(sql.getMessage()) + " Check DATASOURCES_DEFAULT_URL,"
                        + " DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD, or leave"
                        + " DATASOURCES_DEFAULT_URL unset for the embedded PostgreSQL.");
    }

    private static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    /**
     * The message of a {@code NOVABILLING_*} variable whose value the app refuses, or empty when {@code failure} is
     * something else: every check of such a value throws a message that starts with the variable's name.
     */
    static Optional<String> configurationFailure(Throwable failure) {
        return causes(failure).map(Throwable::getMessage)
                .filter(message -> message != null && message.startsWith(VARIABLE_PREFIX)).findFirst()
                .map(message -> "Cannot start: " + sentence(message));
    }

    /** A start failure the operator can fix from its message alone, and the exit code it ends with. */
    record KnownFailure(String message, int exitCode) {
    }

    /**
     * The start failure {@code failure} is, if the operator can fix it from one line: a refused {@code NOVABILLING_*}
     * value (exit code 2, as {@link Application} exits for one it checks itself), a port in use or a database it
     * cannot use (exit code 1, as Micronaut's own handling exits).
     */
    static Optional<KnownFailure> knownFailure(Throwable failure, Object port) {
        return configurationFailure(failure).map(message -> new KnownFailure(message, 2))
                .or(() -> bindFailure(failure, port).or(() -> databaseFailure(failure))
                        .map(message -> new KnownFailure(message, 1)));
    }

    /**
     * A failure {@link #knownFailure} recognises is one ERROR line (the stack trace at DEBUG) and its exit code;
     * anything else is left to Micronaut, which logs it with its stack trace and exits with 1.
     */
    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        Object port = Optional.ofNullable(System.getProperty("micronaut.server.port"))
                .or(() -> Optional.ofNullable(System.getenv("MICRONAUT_SERVER_PORT")))
                .orElse("3000");
        Optional<KnownFailure> known = knownFailure(failure, port);
        if (known.isPresent()) {
            LOG.error(known.get().message());
            LOG.debug("The start failed", failure);
            System.exit(known.get().exitCode());
        }
        super.handleStartupException(environment, failure);
    }
}
