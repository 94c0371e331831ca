package com.novabilling.bootstrap.observability;

import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format (0.0.4), for a Prometheus scrape. Open
 * unless {@code NOVABILLING_METRICS_TOKEN} is set; then it needs {@code Authorization: Bearer <that token>}
 * and answers anything else with a 401 problem (thrown, answered by the one error map). The token is compared in constant time (both sides are
 * hashed first, so not even its length leaks).
 */
@Controller("/metrics")
final class MetricsController {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String DETAIL = "GET /metrics needs the metrics token: Authorization: Bearer <NOVABILLING_METRICS_TOKEN>.";
    static final String REALM = "novabilling-metrics";
    private static final String BEARER = "Bearer ";

    private final PrometheusMeterRegistry registry;
    private final byte[] tokenSha256;

    MetricsController(PrometheusMeterRegistry registry, @Value("${novabilling.metrics-token:}") String token) {
        this.registry = registry;
        this.tokenSha256 = token.isBlank() ? null : sha256(token.strip());
    }

    @Get(produces = CONTENT_TYPE)
    HttpResponse<?> scrape(HttpRequest<?> request) {
        if (tokenSha256 != null && !presentsToken(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            throw new UnauthorizedException(REALM, DETAIL);
        }
        return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
    }

    private boolean presentsToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(tokenSha256, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
