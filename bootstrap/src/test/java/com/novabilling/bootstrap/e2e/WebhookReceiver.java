package com.novabilling.bootstrap.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real webhook receiver for the tests: the JDK's {@link HttpServer} on 127.0.0.1 and an ephemeral port,
 * answering the statuses a test queues ({@link #answer}) and then 200, and keeping every request it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers by lower-case name, the body as UTF-8. */
    public record Received(String path, Map<String, String> headers, String body, int answeredWith) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            Integer queued = answers.pollFirst();
            int status = queued == null ? 200 : queued;
            received.add(new Received(exchange.getRequestURI().getPath(), headers, body, status));
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            answers.addLast(status);
        }
        return this;
    }

    /** The next request, waiting up to {@code timeout} for it (a bound for a broken build, not a speed check). */
    public Received next(Duration timeout) {
        try {
            Received r = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("no webhook request within " + timeout);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next {@code n} requests. */
    public List<Received> next(int n, Duration timeout) {
        List<Received> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(next(timeout));
        }
        return all;
    }

    /** Forgets queued answers and requests not yet taken. */
    public void reset() {
        answers.clear();
        received.clear();
    }

    /** Requests received so far and not yet taken. */
    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
