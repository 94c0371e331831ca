package com.novabilling.bootstrap.webhook;

import com.novabilling.application.port.out.webhook.WebhookSender;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Webhooks over the JDK's {@link HttpClient}: HTTP/1.1, redirects never followed (a 3xx is a failed attempt),
 * 10 seconds to connect and 10 seconds for the whole exchange (headers and body), the answer's body read up to
 * 64 KB and the rest dropped. Errors come back as a short text without the URL's query or any header, so no
 * secret reaches the attempt history or the log.
 */
@Singleton
final class JdkWebhookSender implements WebhookSender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_BODY = 64 * 1024;

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "webhook-http");
        t.setDaemon(true);
        return t;
    });
    /**
     * Built on the first delivery, not with the bean: building an {@link HttpClient} sets up the JDK's default TLS
     * context (its providers, the trust store's certificates), some 750 classes and a tenth of a second on the start's
     * critical path of a service that may never send a webhook (docs/benchmarks.md, "Start, fifth look").
     */
    private volatile HttpClient client;

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(TIMEOUT)
                            .executor(executor)
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    @Override
    public Result post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> exchange = client().sendAsync(request.build(), info -> new CappedBody());
        try {
            HttpResponse<Void> response = exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(response.statusCode(), millisSince(started), null);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Result(null, millisSince(started), "timed out after 10 s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(null, millisSince(started), "interrupted (the service is stopping)");
        } catch (ExecutionException e) {
            return new Result(null, millisSince(started), describe(e.getCause()));
        }
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out after 10 s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timed out after 10 s";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed";
            }
        }
        return "request failed: " + failure.getClass().getSimpleName();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** Reads at most {@link #MAX_BODY} bytes of the answer, then stops reading; the content is not kept. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Void> {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long read;

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                read += b.remaining();
            }
            if (read >= MAX_BODY) {
                subscription.cancel();
                done.complete(null);
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }
}
