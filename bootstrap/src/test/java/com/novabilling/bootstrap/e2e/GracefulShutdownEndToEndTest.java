package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import com.novabilling.bootstrap.e2e.LoadRun.Call;
import com.novabilling.bootstrap.lifecycle.Draining;
import com.novabilling.bootstrap.lifecycle.GracefulShutdown;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy's SIGTERM under load: 20 clients create and read customers while the shutdown sequence runs
 * (what the JVM's shutdown hook runs). Readiness turns 503 at once while requests are still served; then the server
 * stops accepting, and no request the server received is left without its answer: every call is answered, refused
 * before anything was sent, or never reached the server. A request whose body is still arriving when the server
 * stops accepting is answered too, and every acknowledged create is in the database. The run waits on states (the
 * load served, the sequence begun, new connections refused), never on fixed durations: CI shares 2 cores.
 */
class GracefulShutdownEndToEndTest {

    /** Reached only when the run does not get where it must: every wait is on a state, not on a duration. */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void aShutdownUnderLoadAnswersEveryAcceptedRequest() throws Exception {
        Map<String, Object> properties = new HashMap<>(TestPostgres.freshDatabase());
        properties.put("novabilling.persistence", "postgres");
        properties.put("micronaut.server.port", -1);
        properties.put("novabilling.bootstrap-api-key", EndToEndTest.OPERATOR_KEY);
        properties.put("novabilling.rate-limit.per-second", "100000");
        properties.put("novabilling.rate-limit.burst", "1000000");
        properties.put("novabilling.shutdown.grace", "4s");
        properties.put("novabilling.shutdown.timeout", "20s");
        properties.put(ReceivedCalls.ENABLED, "true");
        String url = (String) properties.get("datasources.default.url");
        ApplicationContext context = ApplicationContext.run(properties);
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        URI base = server.getURI();
        GracefulShutdown shutdown = context.getBean(GracefulShutdown.class);
        Draining draining = context.getBean(Draining.class);
        ReceivedCalls receivedCalls = context.getBean(ReceivedCalls.class);

        LoadRun load = new LoadRun(base, EndToEndTest.OPERATOR_KEY, 20);
        load.start();
        load.awaitSuccesses(40, Long.MIN_VALUE, DEADLINE);
        // a create whose body is still arriving when the listener closes (after the grace): its headers and half
        // its body are sent before the signal, the rest once new connections are refused
        Socket upload = startSlowCreate(base);
        long signal = System.nanoTime();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(shutdown::run);
        CompletableFuture<String> slowUpload = CompletableFuture.supplyAsync(() -> finishSlowCreate(upload, base));
        // during the grace the instance says it is not ready, and still serves (asked once the sequence has begun:
        // it runs on another thread)
        awaitState("the shutdown sequence began", draining::isDraining);
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> readiness = probe.sendAsync(
                HttpRequest.newBuilder(base.resolve("/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> liveness = probe.sendAsync(
                HttpRequest.newBuilder(base.resolve("/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        stopped.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        load.stop(DEADLINE);

        assertThat(readiness.get().statusCode()).isEqualTo(503);
        assertThat(readiness.get().headers().firstValue("Connection")).contains("close");
        assertThat(liveness.get().statusCode()).isEqualTo(200);
        assertThat(slowUpload.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).startsWith("HTTP/1.1 201");

        List<Call> calls = load.calls();
        assertThat(calls).filteredOn(c -> c.endedAtNanos() > signal && c.answered())
                .as("requests answered after the signal").isNotEmpty();
        // A call without an answer was refused (nothing sent), or it never reached the server: a connection the
        // kernel had completed but the server not yet accepted when the listener closed is reset by the kernel,
        // after the client may have sent its request (the client sees a reset, as with a cut; nothing ran). No call
        // the server received may go unanswered.
        Set<String> received = receivedCalls.ids();
        assertThat(calls).filteredOn(Call::answered).extracting(Call::id).as("answered calls the server saw")
                .isNotEmpty().allSatisfy(id -> assertThat(received).contains(id));
        assertThat(calls).filteredOn(c -> !c.answered()).as("calls the server received and left without an answer")
                .allSatisfy(call -> assertThat(call.refused() || !received.contains(call.id()))
                        .as("%s %s started %d ms, ended %d ms after the signal", call.method(), call.failure(),
                                (call.startedAtNanos() - signal) / 1_000_000, (call.endedAtNanos() - signal) / 1_000_000)
                        .isTrue());
        assertThat(calls).filteredOn(Call::answered)
                .allSatisfy(call -> assertThat(call.status()).as(call.body()).isIn(200, 201));

        Map<String, String> acknowledged = load.acknowledged();
        assertThat(acknowledged).isNotEmpty();
        try (Connection db = DriverManager.getConnection(url, (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"));
             PreparedStatement find = db.prepareStatement("SELECT count(*) FROM customers WHERE id = ?")) {
            for (String id : acknowledged.values()) {
                find.setString(1, id);
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("acknowledged customer %s", id).isEqualTo(1);
                }
            }
        }
    }

    /** Records the {@link LoadRun#CALL_HEADER} of every request the server receives, in this test's context only. */
    @Requires(property = ReceivedCalls.ENABLED, value = "true")
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class ReceivedCalls {
        static final String ENABLED = "graceful-shutdown-test.received-calls";
        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        @RequestFilter
        void received(io.micronaut.http.HttpRequest<?> request) {
            String id = request.getHeaders().get(LoadRun.CALL_HEADER);
            if (id != null) {
                ids.add(id);
            }
        }

        Set<String> ids() {
            return Set.copyOf(ids);
        }
    }

    private static final byte[] SLOW_BODY = "{\"email\":\"slow-upload@shutdown.test\",\"name\":\"Slow Upload\"}"
            .getBytes(StandardCharsets.UTF_8);

    /** Opens a create: its headers and the first half of its body. */
    private static Socket startSlowCreate(URI base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout((int) DEADLINE.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + EndToEndTest.OPERATOR_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + SLOW_BODY.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(SLOW_BODY, 0, SLOW_BODY.length / 2);
        out.flush();
        return socket;
    }

    /**
     * Once the server refuses new connections, sends the rest of the body in pieces over about a second; returns
     * the raw answer.
     */
    private static String finishSlowCreate(Socket socket, URI base) {
        try (socket) {
            awaitState("the server refuses new connections", () -> refusesConnections(base));
            OutputStream out = socket.getOutputStream();
            int half = SLOW_BODY.length / 2;
            int piece = (SLOW_BODY.length - half) / 5 + 1;
            for (int i = half; i < SLOW_BODY.length; i += piece) {
                Thread.sleep(200);
                out.write(SLOW_BODY, i, Math.min(piece, SLOW_BODY.length - i));
                out.flush();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (Exception | AssertionError e) {
            return "failed: " + e;
        }
    }

    private static boolean refusesConnections(URI base) {
        try (Socket ignored = new Socket(base.getHost(), base.getPort())) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls {@code state} every 20 ms until it holds, at most {@link #DEADLINE}. */
    private static void awaitState(String what, BooleanSupplier state) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
