package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.ThrottledException;
import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import com.novabilling.adapter.in.rest.protection.AuthFailureThrottle;
import com.novabilling.adapter.in.rest.protection.ClientAddresses;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operator token of the {@code /api/admin} routes: {@code Authorization: Bearer <NOVABILLING_ADMIN_TOKEN>},
 * compared in constant time. While no token is configured the routes answer 404 as if they did not exist.
 * Wrong tokens count as failed authentications of the caller's address ({@link AuthFailureThrottle}); an
 * address that failed too often is refused before its token is even compared.
 */
@Singleton
public class AdminToken {

    private final byte[] token;
    private final ClientAddresses clientAddresses;
    private final AuthFailureThrottle failures;

    public AdminToken(@Value("${novabilling.admin-token:}") String token, ClientAddresses clientAddresses,
                      AuthFailureThrottle failures) {
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
        this.clientAddresses = clientAddresses;
        this.failures = failures;
    }

    /** Returns when the request carries the operator token; throws the 404, 429 or 401 to answer otherwise. */
    public void require(HttpRequest<?> request) {
        if (token.length == 0) {
            // off: answered exactly like a route that does not exist
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "admin endpoints are off");
        }
        failures.retryAfterSeconds(clientAddresses.of(request)).ifPresent(seconds -> {
            throw ThrottledException.tooManyFailedAuthentications(seconds);
        });
        if (!matches(request)) {
            failures.recordFailure(clientAddresses.of(request));
            throw new UnauthorizedException(UnauthorizedException.ADMIN_REALM);
        }
    }

    private boolean matches(HttpRequest<?> request) {
        return AuthenticationFilter.bearerToken(request)
                .map(presented -> MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}
