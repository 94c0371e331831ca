package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.ForbiddenException;
import com.novabilling.adapter.in.rest.error.ThrottledException;
import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import com.novabilling.adapter.in.rest.protection.AuthFailureThrottle;
import com.novabilling.adapter.in.rest.protection.ClientAddresses;
import com.novabilling.adapter.in.rest.protection.RateLimiter;
import com.novabilling.application.port.in.access.AuthenticateApiKeyQuery;
import com.novabilling.application.port.in.access.AuthenticatedKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every {@code /api} route but the public ones needs {@code Authorization: Bearer <secret>}. Missing,
 * malformed, unknown, revoked and expired keys all get the same 401; a valid key without the scope the
 * route declares ({@link RequiresScope}) gets a 403 naming the scope. On success the request carries the
 * {@link ApiPrincipal}. Failed authentications are throttled per client address ({@link AuthFailureThrottle})
 * and requests are rate-limited per key ({@link RateLimiter}). Errors are thrown, and answered by the one
 * error mapping. Key lookups are cached by the application service, so the database is not on the
 * hot path.
 */
@ServerFilter("/api/**")
public final class AuthenticationFilter implements Ordered {

    /** Routes under /api that need no API key (the admin routes check the operator token themselves). */
    static final List<String> PUBLIC_PREFIXES = List.of("/api/openapi", "/api/reference", "/api/admin/");

    private static final String BEARER = "Bearer ";

    private final AuthenticateApiKeyQuery authenticator;
    private final ClientAddresses clientAddresses;
    private final AuthFailureThrottle failures;
    private final RateLimiter rateLimiter;

    public AuthenticationFilter(AuthenticateApiKeyQuery authenticator, ClientAddresses clientAddresses,
                                AuthFailureThrottle failures, RateLimiter rateLimiter) {
        this.authenticator = authenticator;
        this.clientAddresses = clientAddresses;
        this.failures = failures;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /**
     * In this order: an address with too many recent failures is refused (429) before any lookup; the key
     * is looked up (401, counted as a failure, when it is not valid); the key's rate limit is charged (429,
     * nothing executed, when used up); the route's scope is checked (403).
     */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        String address = clientAddresses.of(request);
        OptionalLong blocked = failures.retryAfterSeconds(address);
        if (blocked.isPresent()) {
            throw ThrottledException.tooManyFailedAuthentications(blocked.getAsLong());
        }
        Optional<AuthenticatedKey> key = bearerToken(request).flatMap(authenticator::authenticate);
        if (key.isEmpty()) {
            failures.recordFailure(address);
            throw new UnauthorizedException();
        }
        ApiPrincipal principal = new ApiPrincipal(key.get().tenantId(), key.get().keyId().value(), key.get().scopes());
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
        RateLimiter.Decision decision = rateLimiter.consume(key.get().keyId().value(), key.get().rateLimit().orElse(null));
        request.setAttribute(RateLimiter.Decision.ATTRIBUTE, decision);
        if (!decision.allowed()) {
            throw ThrottledException.rateLimited(decision.retryAfterSeconds());
        }
        Optional<Scope> required = RouteAttributes.getRouteMatch(request)
                .flatMap(match -> match.getAnnotationMetadata().enumValue(RequiresScope.class, Scope.class));
        if (required.isPresent() && !principal.has(required.get())) {
            throw new ForbiddenException(required.get());
        }
    }

    static Optional<String> bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }
}
