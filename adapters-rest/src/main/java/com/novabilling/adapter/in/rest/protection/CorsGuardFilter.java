package com.novabilling.adapter.in.rest.protection;

import com.novabilling.adapter.in.rest.error.CorsOriginNotAllowedException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.cors.CorsFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses every cross-origin request the {@link CorsPolicy} does not allow with a problem (403
 * {@code cors_origin_not_allowed}) before anything runs; Micronaut's own CORS filter, which runs next, would
 * answer some of them with an empty 403 and let others through without CORS headers. A request is
 * cross-origin when it carries an {@code Origin} other than the one it was sent to ({@code Host}). For an
 * allowed origin, a preflight asking for a header outside {@link CorsPolicy#ALLOWED_HEADERS} is refused the
 * same way; the rest is Micronaut's.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class CorsGuardFilter implements Ordered {

    private final CorsPolicy policy;

    public CorsGuardFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @RequestFilter
    @PreMatching
    public void guard(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || isSameOrigin(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return;
        }
        Optional<String> normalized = CorsPolicy.validOrigin(origin);
        if (normalized.isEmpty() || !policy.allows(normalized.get())) {
            throw new CorsOriginNotAllowedException(policy.enabled()
                    ? "Requests from this origin are not allowed; allowed origins are configured in "
                            + "NOVABILLING_CORS_ALLOWED_ORIGINS."
                    : "Cross-origin requests are not allowed: this service allows no browser origin "
                            + "(NOVABILLING_CORS_ALLOWED_ORIGINS is not set).");
        }
        if (request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)) {
            for (String header : request.getHeaders().getAll(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS)) {
                for (String name : header.split(",")) {
                    String requested = name.strip();
                    if (!requested.isEmpty()
                            && CorsPolicy.ALLOWED_HEADERS.stream().noneMatch(requested::equalsIgnoreCase)) {
                        throw new CorsOriginNotAllowedException("Cross-origin requests may send only the headers "
                                + String.join(", ", CorsPolicy.ALLOWED_HEADERS) + ".");
                    }
                }
            }
        }
    }

    /** {@code Origin} names the host and port the request was sent to (any scheme: TLS may end at a proxy). */
    static boolean isSameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            URI o = new URI(origin);
            if (o.getHost() == null || o.getScheme() == null) {
                return false;
            }
            int originPort = o.getPort() >= 0 ? o.getPort() : defaultPort(o.getScheme());
            URI h = new URI("http://" + host.strip());
            if (h.getHost() == null) {
                return false;
            }
            int hostPort = h.getPort() >= 0 ? h.getPort() : defaultPort(o.getScheme());
            return o.getHost().equalsIgnoreCase(h.getHost()) && originPort == hostPort;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }
}
