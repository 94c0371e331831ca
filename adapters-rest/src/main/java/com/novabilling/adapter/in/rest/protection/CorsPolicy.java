package com.novabilling.adapter.in.rest.protection;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may call the API: none by default; {@code NOVABILLING_CORS_ALLOWED_ORIGINS} lists
 * exact origins ({@code https://app.example.com}, comma-separated; {@code *}, paths and wildcards are refused
 * at start). For those, Micronaut's CORS support is configured here (it answers preflights and adds the
 * {@code Access-Control-*} headers); every other cross-origin request is refused by {@link CorsGuardFilter}.
 *
 * <p>Made at start ({@code @Context}): a wrong value stops the start, where a bean made at the first request
 * answered every request with a 500.
 */
@Context
public final class CorsPolicy implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    public static final List<String> ALLOWED_HEADERS = List.of("Authorization", "Content-Type", "Idempotency-Key");
    public static final List<String> EXPOSED_HEADERS = List.of("X-Request-Id", "Location", "Retry-After",
            RateLimitHeadersFilter.LIMIT, RateLimitHeadersFilter.REMAINING, RateLimitHeadersFilter.RESET,
            "X-Total-Estimated");
    static final List<HttpMethod> ALLOWED_METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH,
            HttpMethod.PUT, HttpMethod.DELETE);
    static final long MAX_AGE_SECONDS = 600;

    private final Set<String> allowedOrigins;

    public CorsPolicy(@Value("${novabilling.cors.allowed-origins:}") String allowedOrigins) {
        this.allowedOrigins = parse(allowedOrigins);
    }

    public boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(
            BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        cors.setEnabled(enabled());
        cors.setLocalhostPassThrough(false);
        if (enabled()) {
            CorsOriginConfiguration origins = new CorsOriginConfiguration();
            origins.setAllowedOrigins(List.copyOf(allowedOrigins));
            origins.setAllowedMethods(ALLOWED_METHODS);
            origins.setAllowedHeaders(ALLOWED_HEADERS);
            origins.setExposedHeaders(EXPOSED_HEADERS);
            origins.setAllowCredentials(false);
            origins.setAllowPrivateNetwork(false);
            origins.setMaxAge(MAX_AGE_SECONDS);
            cors.setConfigurations(Map.of("novabilling", origins));
        } else {
            cors.setConfigurations(Map.of());
        }
        return cors;
    }

    static Set<String> parse(String configured) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : configured.split(",")) {
            String origin = entry.strip();
            if (!origin.isEmpty()) {
                origins.add(validOrigin(origin).orElseThrow(() -> new IllegalArgumentException(
                        "NOVABILLING_CORS_ALLOWED_ORIGINS: '" + origin + "' is not an exact origin such as "
                                + "https://app.example.com (scheme, host and optional port; no '*', path or slash)")));
            }
        }
        return Set.copyOf(origins);
    }

    /** {@code origin} in its serialized form (lower-case scheme and host), when it is one. */
    static Optional<String> validOrigin(String origin) {
        if (origin.contains("*")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean plain = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            if (!plain) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    List<String> origins() {
        return new ArrayList<>(allowedOrigins);
    }
}
