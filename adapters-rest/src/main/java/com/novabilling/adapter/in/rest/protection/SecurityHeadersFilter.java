package com.novabilling.adapter.in.rest.protection;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/** Puts {@link SecurityHeaders} on every response that passes the filters, errors included. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SecurityHeadersFilter implements Ordered {

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        SecurityHeaders.apply(request.getPath(), response.getHeaders());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
