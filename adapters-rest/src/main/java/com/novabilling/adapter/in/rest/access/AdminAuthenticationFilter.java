package com.novabilling.adapter.in.rest.access;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * {@code /api/admin/**} needs the operator token ({@link AdminToken}: 404 while none is configured, 401 for a
 * wrong one, 429 for an address that failed too often). Checked in a filter, before a route binds its body: a
 * caller without the token learns nothing about what a body should be. Errors are thrown and answered by the
 * one error map.
 */
@ServerFilter("/api/admin/**")
public final class AdminAuthenticationFilter implements Ordered {

    private final AdminToken adminToken;

    public AdminAuthenticationFilter(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    public void authenticate(HttpRequest<?> request) {
        adminToken.require(request);
    }
}
