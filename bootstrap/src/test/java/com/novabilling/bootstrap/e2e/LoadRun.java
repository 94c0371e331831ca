package com.novabilling.bootstrap.e2e;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A concurrent load of integrators, as the check runs it: each client creates customers, each with its own
 * Idempotency-Key, and reads them back. A create that fails (503) or gets no answer is retried with the same key
 * and body until it is answered; every call is recorded with the time it ended, so a test can tell what the
 * clients saw while the database or the server went away, and which customers were acknowledged.
 */
final class LoadRun {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(cust_[^\"]+)\"");
    /** A header naming each call, so a test can tell from the server's side which calls reached it. */
    static final String CALL_HEADER = "X-Load-Call";

    /** One HTTP call: what was sent, when, what came back (status 0: no response at all). */
    record Call(String id, String method, long startedAtNanos, long endedAtNanos, int status, String retryAfter,
                String body, String failure, boolean requestSent) {

        boolean succeeded() {
            return status == 200 || status == 201;
        }

        boolean answered() {
            return status != 0;
        }

        /** The connection was refused: nothing was sent, so nothing can have happened. */
        boolean refused() {
            return !answered() && !requestSent;
        }
    }

    private final URI base;
    private final String key;
    private final int clients;
    private final HttpClient http;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    /** Idempotency-Key → id of the customer the API acknowledged for it. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final List<String> attempted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger keys = new AtomicInteger();
    private final AtomicInteger callIds = new AtomicInteger();
    private final String runId = Long.toString(System.nanoTime(), 36);
    private ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    LoadRun(URI base, String key, int clients) {
        this.base = base;
        this.key = key;
        this.clients = clients;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newCachedThreadPool()).build();
    }

    void start() {
        pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(this::client));
        }
    }

    /** Lets every client finish the create it is retrying (at most {@code finish}), then stops them. */
    void stop(Duration finish) throws Exception {
        stop.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(finish.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("clients still retrying after " + finish);
        }
        for (Future<?> f : running) {
            f.get();
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * Waits until the calls recorded so far satisfy {@code reached} (checked every 20 ms), at most {@code deadline}:
     * a deadline that only a broken (or hopelessly overloaded) run reaches, so a test waits on what happened, not on
     * how long it usually takes.
     */
    void await(String what, Duration deadline, Predicate<List<Call>> reached) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!reached.test(calls())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** Waits (at most {@code deadline}) until at least {@code count} calls that ended after {@code since} succeeded. */
    void awaitSuccesses(int count, long since, Duration deadline) throws InterruptedException {
        await(count + " successful calls", deadline,
                calls -> calls.stream().filter(c -> c.endedAtNanos() > since && c.succeeded()).count() >= count);
    }

    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** Every Idempotency-Key a client sent a create with. */
    List<String> attempted() {
        synchronized (attempted) {
            return List.copyOf(attempted);
        }
    }

    private void client() {
        while (!stop.get()) {
            String idempotencyKey = "load-" + runId + "-" + keys.incrementAndGet();
            String body = "{\"email\":\"" + idempotencyKey + "@load.test\",\"name\":\"Load " + idempotencyKey
                    + "\",\"externalId\":\"" + idempotencyKey + "\"}";
            attempted.add(idempotencyKey);
            String id = null;
            // a create is retried with its key until answered with a result (the retry loop of an integrator)
            for (int attempt = 0; id == null; attempt++) {
                Call call = send("POST", "/api/customers", body, idempotencyKey);
                if (call.status() == 201 || call.status() == 200) {
                    id = idOf(call.body());
                    acknowledged.put(idempotencyKey, id);
                } else if (call.answered() && call.status() != 503 && call.status() != 409) {
                    return; // an unexpected answer: recorded, the test will report it
                } else {
                    // stopping: give up on a server that is gone (nothing sent) or after many tries
                    if (stop.get() && (call.refused() || attempt > 200)) {
                        return;
                    }
                    pause(100);
                }
            }
            send("GET", "/api/customers/" + id, null, null);
        }
    }

    private Call send(String method, String path, String body, String idempotencyKey) {
        String id = runId + "-" + callIds.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + key)
                .header(CALL_HEADER, id);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Call call;
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            call = new Call(id, method, started, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), null, true);
        } catch (ConnectException e) {
            call = new Call(id, method, started, System.nanoTime(), 0, null, null, e.toString(), false);
        } catch (IOException e) {
            call = new Call(id, method, started, System.nanoTime(), 0, null, null, e.toString(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call = new Call(id, method, started, System.nanoTime(), 0, null, null, e.toString(), true);
        }
        calls.add(call);
        return call;
    }

    static String idOf(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no id in " + body);
        }
        return m.group(1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
