package com.novabilling.bootstrap;

import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.web.router.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, before the first request, the beans Micronaut otherwise creates inside it: the HTTP server filters (the
 * router creates a filter the first time a request matches it) and the health endpoint with its indicators. The
 * first request after a start is usually the readiness probe, and in a start's profile these were ~30 ms of the
 * ~150 ms between the port being bound and the first 200. It runs on the start's database thread once that thread's
 * own work is done ({@link DatabaseStart}), beside the main thread's last steps; the request then finds them made
 * (a singleton being made when the request needs it is waited for, never made twice).
 *
 * <p>Best effort: what fails here is logged at debug and made by the first request, as before.
 */
final class FirstRequestWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRequestWarmUp.class);
    /** The path of the first request after a start, the readiness probe's. */
    static final String PROBE = "/health/readiness";

    private FirstRequestWarmUp() {
    }

    static void run(BeanContext context) {
        try {
            context.findBean(Router.class).ifPresent(router -> router.findFilters(HttpRequest.GET(PROBE)));
            context.findBean(HealthEndpoint.class);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("First-request beans not made ahead; the first request makes them", e);
        }
    }
}
