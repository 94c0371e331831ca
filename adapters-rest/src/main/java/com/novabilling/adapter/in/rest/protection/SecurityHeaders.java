package com.novabilling.adapter.in.rest.protection;

import io.micronaut.http.MutableHttpHeaders;

import java.util.function.BiConsumer;

/**
 * The hardening headers of every response: {@code X-Content-Type-Options: nosniff}; {@code Cache-Control:
 * no-store} under {@code /api} (responses carry customer data and API key secrets); a
 * {@code Content-Security-Policy} that forbids framing everywhere and, but for the reference page, any
 * active content (JSON needs none); the reference page may load its own scripts, styles and images only.
 */
public final class SecurityHeaders {

    public static final String NOSNIFF = "nosniff";
    public static final String NO_STORE = "no-store";
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    public static final String REFERENCE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";
    static final String REFERENCE_PATH = "/api/reference";

    private SecurityHeaders() {
    }

    public static void apply(String path, MutableHttpHeaders headers) {
        apply(path, headers::set);
    }

    /** The same headers, for a response written below Micronaut (a Netty handler): {@code set(name, value)}. */
    public static void apply(String path, BiConsumer<String, String> set) {
        set.accept("X-Content-Type-Options", NOSNIFF);
        if (path != null && (path.equals("/api") || path.startsWith("/api/"))) {
            set.accept("Cache-Control", NO_STORE);
        }
        boolean reference = path != null && (path.equals(REFERENCE_PATH) || path.startsWith(REFERENCE_PATH + "/"));
        set.accept("Content-Security-Policy", reference ? REFERENCE_POLICY : API_POLICY);
    }
}
