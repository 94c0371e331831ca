package com.novabilling.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Locale;
import java.util.Map;

/**
 * Which adapter keeps the data: {@code NOVABILLING_PERSISTENCE} (property {@code novabilling.persistence})
 * is {@code postgres} (the default: the embedded PostgreSQL unless {@code DATASOURCES_DEFAULT_URL} names a
 * database) or {@code memory} (no database at all). The choice is made here and in the two factories only;
 * the PostgreSQL settings (datasource, Flyway) live in {@code application-postgres.yml}, read only in the
 * environment of the same name, so with {@code memory} no pool, no Flyway and no PostgreSQL process exist.
 */
enum Persistence {
    POSTGRES, MEMORY;

    static final String PROPERTY = "novabilling.persistence";
    static final String VARIABLE = "NOVABILLING_PERSISTENCE";

    /** The Micronaut environment holding this adapter's configuration. */
    String environment() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From {@code -Dnovabilling.persistence}, else {@code NOVABILLING_PERSISTENCE}, else postgres. */
    static Persistence chosen(Map<String, String> env) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = env.get(VARIABLE);
        }
        return parse(value);
    }

    static Persistence parse(String value) {
        if (value == null || value.isBlank()) {
            return POSTGRES;
        }
        return switch (value) {
            case "postgres" -> POSTGRES;
            case "memory" -> MEMORY;
            default -> throw new ConfigurationException(VARIABLE + " must be postgres or memory, not '" + value + "'");
        };
    }

    /** Refuses, at start, a value no factory answers to (a context started without {@code Application}). */
    @Context
    static final class Check {
        Check(@Value("${" + PROPERTY + ":postgres}") String value) {
            parse(value);
        }
    }
}
