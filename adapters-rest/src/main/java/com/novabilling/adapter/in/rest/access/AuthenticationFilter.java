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
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Named;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Every {@code /api} route but the public ones needs {@code Authorization: Bearer <secret>}. Missing,
 * malformed, unknown, revoked and expired keys all get the same 401; a valid key without the scope the
 * route declares ({@link RequiresScope}) gets a 403 naming the scope. On success the request carries the
 * {@link ApiPrincipal}. Failed authentications are throttled per client address ({@link AuthFailureThrottle})
 * and requests are rate-limited per key ({@link RateLimiter}). Errors are thrown, and answered by the one
 * error mapping. Key lookups are cached by the application service, so the database is not on the
 * hot path, and a cached key is checked on the event loop without a thread hand-off.
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
    private final Executor blocking;

    public AuthenticationFilter(AuthenticateApiKeyQuery authenticator, ClientAddresses clientAddresses,
                                AuthFailureThrottle failures, RateLimiter rateLimiter,
                                @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.authenticator = authenticator;
        this.clientAddresses = clientAddresses;
        this.failures = failures;
        this.rateLimiter = rateLimiter;
        this.blocking = blocking;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /**
     * In this order: an address with too many recent failures is refused (429) before any lookup; the key
     * is looked up (401, counted as a failure, when it is not valid); the key's rate limit is charged (429,
     * nothing executed, when used up); the route's scope is checked (403).
     * <p>
     * The common case, a known key whose lookup is cached, is answered on the event loop that read the
     * request: no store access, no thread hand-off. Only a lookup that needs the key store (a key not
     * cached or expired from the cache, an unknown key, a last-use time to write) moves to the blocking
     * pool, and the request carries on from there. (The future completes with the request: the filter
     * API reads that as "go on"; a completed one goes on at once, on the same thread.)
     */
    @RequestFilter
    public CompletableFuture<HttpRequest<?>> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return CompletableFuture.completedFuture(request);
        }
        String address = clientAddresses.of(request);
        OptionalLong blocked = failures.retryAfterSeconds(address);
        if (blocked.isPresent()) {
            throw ThrottledException.tooManyFailedAuthentications(blocked.getAsLong());
        }
        Optional<String> token = bearerToken(request);
        Optional<AuthenticatedKey> cached = token.flatMap(authenticator::authenticateFromMemory);
        if (cached.isPresent()) {
            admit(request, cached.get());
            return CompletableFuture.completedFuture(request);
        }
        CompletableFuture<HttpRequest<?>> done = new CompletableFuture<>();
        PropagatedContext context = PropagatedContext.getOrEmpty();
        blocking.execute(() -> {
            try (PropagatedContext.Scope ignored = context.propagate()) {
                Optional<AuthenticatedKey> key = token.flatMap(authenticator::authenticate);
                if (key.isEmpty()) {
                    failures.recordFailure(address);
                    throw new UnauthorizedException();
                }
                admit(request, key.get());
                done.complete(request);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** A valid key: the principal on the request, then the rate limit, then the route's scope. */
    private void admit(HttpRequest<?> request, AuthenticatedKey key) {
        ApiPrincipal principal = new ApiPrincipal(key.tenantId(), key.keyId().value(), key.scopes());
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
        RateLimiter.Decision decision = rateLimiter.consume(key.keyId().value(), key.rateLimit().orElse(null));
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
