package com.novabilling.bootstrap.lifecycle;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shutdown sequence, run once on SIGTERM/SIGINT (by the JVM shutdown hook {@code Application} registers) or by
 * a test:
 *
 * <ol>
 * <li>readiness answers 503 and responses carry {@code Connection: close} ({@link Draining}); requests are still
 *     served normally;</li>
 * <li>after {@code novabilling.shutdown.grace} ({@code NOVABILLING_SHUTDOWN_GRACE}), time for load balancers to
 *     notice, the server stops accepting connections ({@link HttpConnections}); connections still open get up to
 *     {@link #SETTLE} to send their next request, answered with {@code Connection: close};</li>
 * <li>then Netty's graceful shutdown closes the idle connections left and waits for every request already accepted
 *     to be answered ({@link GracefulShutdownCapable}, Micronaut 4.9+);</li>
 * <li>then, or at the latest when {@code novabilling.shutdown.timeout} ({@code NOVABILLING_SHUTDOWN_TIMEOUT}, counted
 *     from the signal) has passed, the application context stops: schedulers, the connection pool;</li>
 * <li>the caller stops what it started before the context (the embedded PostgreSQL).</li>
 * </ol>
 *
 * Micronaut's own shutdown hook is not used: it stops the event loops before anything else, which cuts the
 * connections of requests still running.
 */
@Singleton
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    /** How long connections still open after the listeners closed may take to send a last request. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final ApplicationContext context;
    private final Draining draining;
    private final HttpConnections connections;
    private final Duration grace;
    private final Duration timeout;

    GracefulShutdown(ApplicationContext context, Draining draining, HttpConnections connections,
                     @Value("${novabilling.shutdown.grace:5s}") Duration grace,
                     @Value("${novabilling.shutdown.timeout:30s}") Duration timeout) {
        if (grace.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("NOVABILLING_SHUTDOWN_GRACE must be >= 0 and NOVABILLING_SHUTDOWN_TIMEOUT > 0");
        }
        this.context = context;
        this.draining = draining;
        this.connections = connections;
        this.grace = grace;
        this.timeout = timeout;
    }

    /** Runs the sequence; returns once the context has stopped. A second call does nothing. */
    public void run() {
        if (!draining.begin()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        LOG.info("Shutting down: readiness DOWN, still serving for {} ms, then draining (at most {} ms in all)",
                grace.toMillis(), timeout.toMillis());
        sleepUntil(Math.min(deadline, System.nanoTime() + grace.toNanos()));
        connections.stopAccepting();
        long settled = Math.min(deadline, System.nanoTime() + SETTLE.toNanos());
        while (connections.openConnections() > 0 && System.nanoTime() < settled) {
            sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
        }
        LOG.info("Not accepting connections; {} still open", connections.openConnections());
        context.findBean(EmbeddedServer.class).ifPresent(server -> drain(server, deadline));
        context.stop();
        LOG.info("Stopped");
    }

    private static void drain(EmbeddedServer server, long deadline) {
        if (!(server instanceof GracefulShutdownCapable capable)) {
            return;
        }
        long left = deadline - System.nanoTime();
        try {
            capable.shutdownGracefully().toCompletableFuture().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            LOG.info("Every accepted request answered");
        } catch (TimeoutException e) {
            LOG.warn("Shutdown timeout reached with {} request(s) or connection(s) still open; stopping anyway",
                    capable.reportActiveTasks().orElse(-1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Draining the HTTP server failed; stopping anyway", e);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
