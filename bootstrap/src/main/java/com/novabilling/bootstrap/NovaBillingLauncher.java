package com.novabilling.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.util.Map;
import java.util.Optional;

/**
 * Micronaut's launcher with NovaBilling's start-up rules: a port already in use says which variable
 * moves it, {@code NOVABILLING_LOG_FORMAT} is {@code text} or {@code json}, and JSON logs get no ASCII banner
 * (every line on standard output stays one JSON object).
 */
final class NovaBillingLauncher extends Micronaut {

    static final String LOG_FORMAT = "NOVABILLING_LOG_FORMAT";
    private static final Logger LOG = LoggerFactory.getLogger(NovaBillingLauncher.class);

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
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return Optional.of("Port " + port + " is already in use (another NovaBilling, or another program). "
                        + "Stop it, or start on another port: MICRONAUT_SERVER_PORT=3001 ./run.sh. "
                        + "Nothing was created: the first API key is made only once the port is bound.");
            }
        }
        return Optional.empty();
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable failure) {
        Object port = Optional.ofNullable(System.getProperty("micronaut.server.port"))
                .or(() -> Optional.ofNullable(System.getenv("MICRONAUT_SERVER_PORT")))
                .orElse("3000");
        bindFailure(failure, port).ifPresent(LOG::error);
        super.handleStartupException(environment, failure);
    }
}
