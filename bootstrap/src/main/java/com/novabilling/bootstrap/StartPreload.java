package com.novabilling.bootstrap;

import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.io.service.SoftServiceLoader;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up work that runs on a thread of its own from the first line of {@code main}, beside the main thread, so
 * that the main thread finds it done (Spring Boot's background pre-initializer, for costs of a Micronaut
 * start that are the same whatever the configuration):
 *
 * <ol>
 *   <li><b>The service scan.</b> Micronaut's first service lookup opens the jar as a zip file system and lists
 *       every {@code META-INF/micronaut/<service>/} entry of its ~23,000 (~70 ms of CPU); every later lookup reads
 *       that list from a cache. Here it runs while the main thread sets up logging and the database choice, and
 *       the main thread waits for it ({@link #awaitServiceScan}) before it builds the context, so the scan is
 *       never made twice.</li>
 *   <li><b>The introspection index.</b> The first {@code BeanIntrospector.SHARED} lookup loads every bean
 *       introspection reference of the jar (~290, ~60 ms of CPU). A bean with a custom {@code @Requires(condition
 *       = ...)} makes that lookup when its condition is first evaluated, in the middle of the main thread's bean
 *       creation; here it is made before. The index is built under a lock, so the main thread, if it gets there
 *       first, waits for it rather than building it twice.</li>
 *   <li><b>JDK Flight Recorder's event metadata.</b> Micronaut's HTTP server times each request with a JFR event;
 *       on JDK 17 that event class registers itself with JFR when it is first loaded, which builds JFR's whole
 *       event metadata (~45 ms of CPU), on the event loop, inside the first request after the start (usually the
 *       readiness probe). Here the class is loaded first. Looked up by name: if a Micronaut version no longer has
 *       it, nothing is done.</li>
 *   <li><b>SCRAM's key derivation.</b> PostgreSQL asks for a password by SCRAM-SHA-256 by default (the embedded
 *       server always does). The driver's first SCRAM login derives the salted password with PBKDF2-HMAC-SHA256
 *       over 4,096 iterations through the JDK's crypto provider, and first initialises its mechanism table: ~50
 *       and ~25 ms on the main thread, where the pool opens its first connection, with the JDK's code still
 *       interpreted. Here the same JDK derivation runs once with a throw-away password and salt, and the
 *       driver's mechanism class is initialised (by name: if a driver version no longer has it, only the
 *       derivation is made).</li>
 * </ol>
 *
 * Nothing here changes what the start does or decides: the same calls Micronaut makes, made earlier, and the
 * results it caches. A failure here is ignored (the main thread then does the work itself, as without this).
 */
final class StartPreload {

    /** Micronaut's JFR event for an HTTP/1 request (micronaut-http-server-netty). */
    static final String REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";
    /** pgjdbc's SCRAM mechanisms (its shaded copy of ongres-scram), initialised at its first SCRAM login. */
    static final String SCRAM_MECHANISM = "org.postgresql.shaded.com.ongres.scram.common.ScramMechanism";
    /** PostgreSQL's SCRAM iteration count ({@code scram_iterations}, 4096 unless changed). */
    static final int SCRAM_ITERATIONS = 4096;

    private final CountDownLatch scanned = new CountDownLatch(1);
    private final ClassLoader classLoader;

    private StartPreload(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Starts the work on a daemon thread named {@code novabilling-preload}. */
    static StartPreload begin(ClassLoader classLoader) {
        StartPreload preload = new StartPreload(classLoader);
        Thread thread = new Thread(preload::run, "novabilling-preload");
        thread.setDaemon(true);
        thread.start();
        return preload;
    }

    private void run() {
        try {
            // the first lookup Micronaut's context builder makes (no such service in this jar): it fills the cache
            SoftServiceLoader.load(ApplicationContextConfigurer.class, classLoader).collectAll();
        } catch (RuntimeException | LinkageError ignored) {
            // the main thread scans on its own
        } finally {
            scanned.countDown();
        }
        try {
            BeanIntrospector.SHARED.findIntrospection(StartPreload.class);
        } catch (RuntimeException | LinkageError ignored) {
            // built on first use instead
        }
        try {
            Class.forName(REQUEST_EVENT, true, classLoader);
        } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
            // registered by the first request instead
        }
        try {
            Class.forName(SCRAM_MECHANISM, true, classLoader);
        } catch (ClassNotFoundException | RuntimeException | LinkageError ignored) {
            // initialised by the first SCRAM login instead
        }
        try {
            deriveScramKey();
        } catch (GeneralSecurityException | RuntimeException | LinkageError ignored) {
            // the first login derives its key without a warm JDK
        }
    }

    /** What the driver's first SCRAM login computes, with a throw-away password and salt. */
    static byte[] deriveScramKey() throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec("novabilling-preload".toCharArray(), new byte[16], SCRAM_ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * Waits (at most 10 s, then goes on without) until the service scan is cached. Call before the context
     * builder is created.
     */
    void awaitServiceScan() {
        try {
            scanned.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the scan has finished (either way); for tests. */
    boolean serviceScanDone() {
        return scanned.getCount() == 0;
    }
}
