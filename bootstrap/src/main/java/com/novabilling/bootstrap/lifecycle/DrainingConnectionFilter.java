package com.novabilling.bootstrap.lifecycle;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * While the instance drains, every response carries {@code Connection: close}: Micronaut's HTTP/1.1 handler
 * closes the connection once that response is written, so a keep-alive client opens its next connection
 * elsewhere (another instance, through the load balancer) instead of finding this one gone mid-request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class DrainingConnectionFilter {

    private final Draining draining;

    DrainingConnectionFilter(Draining draining) {
        this.draining = draining;
    }

    @ResponseFilter
    void closeWhileDraining(MutableHttpResponse<?> response) {
        if (draining.isDraining()) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}
