package com.novabilling.adapter.in.rest.protection;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Every response to an authenticated request, errors and 429s included, carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF httpapi rate-limit header fields), from the
 * decision the authentication filter took ({@link RateLimiter.Decision}). Ordered before the authentication
 * filter, so its response part runs after whatever that filter threw has become a response.
 */
@ServerFilter("/api/**")
public final class RateLimitHeadersFilter implements Ordered {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(RateLimiter.Decision.ATTRIBUTE, RateLimiter.Decision.class).ifPresent(decision -> {
            response.getHeaders().set(LIMIT, Long.toString(decision.limit()));
            response.getHeaders().set(REMAINING, Long.toString(decision.remaining()));
            response.getHeaders().set(RESET, Long.toString(decision.resetSeconds()));
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
