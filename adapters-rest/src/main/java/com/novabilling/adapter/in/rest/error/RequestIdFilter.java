package com.novabilling.adapter.in.rest.error;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Gives every request an id ({@link RequestIds}) before any other filter runs, and answers it in the
 * {@code X-Request-Id} response header, errors included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestIdFilter implements Ordered {

    @RequestFilter
    public void assignRequestId(HttpRequest<?> request) {
        RequestIds.of(request);
    }

    @ResponseFilter
    public void echoRequestId(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(RequestIds.HEADER, RequestIds.of(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
