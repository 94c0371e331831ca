package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import com.novabilling.bootstrap.e2e.LoadRun.Call;
import com.novabilling.bootstrap.lifecycle.GracefulShutdown;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy's SIGTERM under load: 20 clients create and read customers while the shutdown sequence runs
 * (what the JVM's shutdown hook runs). Readiness turns 503 at once while requests are still served; then the server
 * stops accepting, and no connection is closed on a request without its answer: every call is answered or refused
 * before anything was sent. A request whose body is still arriving when the server stops accepting is answered
 * too, and every acknowledged create is in the database.
 */
class GracefulShutdownEndToEndTest {

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
        String url = (String) properties.get("datasources.default.url");
        ApplicationContext context = ApplicationContext.run(properties);
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        URI base = server.getURI();
        GracefulShutdown shutdown = context.getBean(GracefulShutdown.class);

        LoadRun load = new LoadRun(base, EndToEndTest.OPERATOR_KEY, 20);
        load.start();
        TimeUnit.SECONDS.sleep(2);
        long signal = System.nanoTime();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(shutdown::run);
        // a create whose body is still arriving when the listener closes (after the grace)
        CompletableFuture<String> slowUpload = CompletableFuture.supplyAsync(() -> slowCreate(base));
        // during the grace the instance says it is not ready, and still serves
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> readiness = probe.sendAsync(
                HttpRequest.newBuilder(base.resolve("/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> liveness = probe.sendAsync(
                HttpRequest.newBuilder(base.resolve("/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        stopped.get(30, TimeUnit.SECONDS);
        load.stop(Duration.ofSeconds(10));

        assertThat(readiness.get().statusCode()).isEqualTo(503);
        assertThat(readiness.get().headers().firstValue("Connection")).contains("close");
        assertThat(liveness.get().statusCode()).isEqualTo(200);
        assertThat(slowUpload.get(5, TimeUnit.SECONDS)).startsWith("HTTP/1.1 201");

        List<Call> calls = load.calls();
        assertThat(calls).filteredOn(c -> c.endedAtNanos() > signal && c.answered())
                .as("requests answered after the signal").isNotEmpty();
        assertThat(calls).filteredOn(c -> !c.answered()).as("calls cut without an answer")
                .allSatisfy(call -> assertThat(call.refused()).as(call.failure()).isTrue());
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

    /** POSTs a create sending its body in pieces over about five seconds; returns the raw answer. */
    private static String slowCreate(URI base) {
        byte[] body = "{\"email\":\"slow-upload@shutdown.test\",\"name\":\"Slow Upload\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + EndToEndTest.OPERATOR_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int piece = body.length / 25 + 1;
            for (int i = 0; i < body.length; i += piece) {
                out.write(body, i, Math.min(piece, body.length - i));
                out.flush();
                Thread.sleep(200);
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "failed: " + e;
        }
    }
}
