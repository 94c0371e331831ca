package com.novabilling.adapter.in.rest.json;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

/**
 * A body sent without any {@code Content-Type} is refused like one of a wrong type: 415
 * {@code unsupported_media_type}. Micronaut itself refuses a wrong type, but reads a body of no declared type
 * as whatever the route consumes. Only routes that read a body are concerned, and only non-empty bodies.
 * Runs after authentication, so an anonymous caller learns nothing about the route. The answer is made by
 * the one error mapping ({@code ..rest.error.ProblemErrorResponseProcessor}).
 */
@ServerFilter("/api/**")
public final class ContentTypeFilter implements Ordered {

    @RequestFilter
    public void requireContentType(HttpRequest<?> request) {
        if (request.getContentType().isPresent() || !hasBody(request)) {
            return;
        }
        boolean readsBody = RouteAttributes.getRouteInfo(request)
                .flatMap(RouteInfo::getBodyArgument)
                .isPresent();
        if (readsBody) {
            throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "No Content-Type");
        }
    }

    static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
