package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.ErrorCode;
import com.novabilling.adapter.in.rest.error.ForbiddenException;
import com.novabilling.adapter.in.rest.error.Problems;
import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import com.novabilling.application.port.in.access.AuthenticateApiKeyQuery;
import com.novabilling.application.port.in.access.AuthenticatedKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;

import java.util.List;
import java.util.Optional;

/**
 * Every {@code /api} route but the public ones needs {@code Authorization: Bearer <secret>}. Missing,
 * malformed, unknown, revoked and expired keys all get the same 401; a valid key without the scope the
 * route declares ({@link RequiresScope}) gets a 403 naming the scope. On success the request carries the
 * {@link ApiPrincipal}. Key lookups are cached by the application service, so the database is not on the
 * hot path.
 */
@ServerFilter("/api/**")
public final class AuthenticationFilter implements Ordered {

    /** Routes under /api that need no API key (the admin routes check the operator token themselves). */
    static final List<String> PUBLIC_PREFIXES = List.of("/api/openapi", "/api/reference", "/api/admin/");

    private static final String BEARER = "Bearer ";

    private final AuthenticateApiKeyQuery authenticator;

    public AuthenticationFilter(AuthenticateApiKeyQuery authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (PUBLIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            return null;
        }
        Optional<AuthenticatedKey> key = bearerToken(request).flatMap(authenticator::authenticate);
        if (key.isEmpty()) {
            return Problems.response(ErrorCode.UNAUTHORIZED, UnauthorizedException.DETAIL, request)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"novabilling\"");
        }
        ApiPrincipal principal = new ApiPrincipal(key.get().tenantId(), key.get().keyId().value(), key.get().scopes());
        request.setAttribute(ApiPrincipal.ATTRIBUTE, principal);
        Optional<Scope> required = RouteAttributes.getRouteMatch(request)
                .flatMap(match -> match.getAnnotationMetadata().enumValue(RequiresScope.class, Scope.class));
        if (required.isPresent() && !principal.has(required.get())) {
            return Problems.response(ErrorCode.FORBIDDEN, new ForbiddenException(required.get()).detail(), request);
        }
        return null;
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
