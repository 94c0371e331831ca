package com.novabilling.adapter.in.rest.idempotency;

import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.error.ProblemExceptionHandler;
import com.novabilling.adapter.in.rest.error.Problems;
import com.novabilling.adapter.in.rest.error.RequestIds;
import com.novabilling.application.port.in.idempotency.IdempotencyUseCase;
import com.novabilling.application.port.in.idempotency.IdempotentRequest;
import com.novabilling.application.port.in.idempotency.Outcome;
import com.novabilling.application.port.shared.idempotency.StoredResponse;
import com.novabilling.domain.idempotency.IdempotencyKey;
import com.novabilling.domain.shared.DomainException;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} header on customer writes. Without it a write runs as it always did. With it, the write
 * runs through the {@link IdempotencyUseCase}: its answer is rendered here, to the bytes the client receives, and
 * stored with the key in the write's own transaction; a retry with the key and the same request (same method, path
 * and body bytes) gets those bytes again with {@code Idempotent-Replayed: true}. Refusals the use case makes (404,
 * 409) are stored too; invalid input, authentication, scope, rate-limit and database failures are not, so the same
 * key can be retried after them.
 */
@Singleton
public final class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String DESCRIPTION = "Makes the write safe to retry (Stripe semantics): 1-255 printable ASCII"
            + " characters, unique per intended change (a UUID), kept 24 hours. A retry with the same key and the same"
            + " request gets the first answer again, byte for byte, with Idempotent-Replayed: true; the same key with a"
            + " different request is 422 idempotency_key_reused; while the first request runs, 409"
            + " idempotency_key_in_use with Retry-After.";

    private final IdempotencyUseCase idempotency;
    private final JsonMapper json;
    private final IdempotentReplays replays;

    public IdempotentWrites(IdempotencyUseCase idempotency, JsonMapper json, IdempotentReplays replays) {
        this.idempotency = idempotency;
        this.json = json;
        this.replays = replays;
    }

    /**
     * Runs {@code write}, at most once per tenant and key when {@code rawKey} is set.
     *
     * @param body the request's body bytes as received (null or empty for none)
     */
    public HttpResponse<?> run(HttpRequest<?> request, TenantId tenant, @Nullable String rawKey, @Nullable byte[] body,
                               Supplier<MutableHttpResponse<?>> write) {
        if (rawKey == null) {
            return write.get();
        }
        IdempotencyKey key = new IdempotencyKey(rawKey);
        IdempotentRequest idempotent = new IdempotentRequest(tenant, key, fingerprint(request, body));
        IdempotencyUseCase.Result result = idempotency.execute(idempotent, () -> outcome(request, write));
        StoredResponse stored = result.response();
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>status(HttpStatus.valueOf(stored.status()))
                .body(stored.body())
                .contentType(MediaType.of(stored.contentType()));
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (result.replayed()) {
            replays.increment();
            response.header(REPLAYED, "true");
        }
        return response;
    }

    private Outcome outcome(HttpRequest<?> request, Supplier<MutableHttpResponse<?>> write) {
        MutableHttpResponse<?> response;
        try {
            response = write.get();
        } catch (DomainValidationException invalid) {
            throw invalid;
        } catch (DomainException refused) {
            Problem problem = ProblemExceptionHandler.toProblem(refused, RequestIds.of(request));
            if (problem.status() == HttpStatus.NOT_FOUND.getCode() || problem.status() == HttpStatus.CONFLICT.getCode()) {
                return new Outcome.Refused(new StoredResponse(problem.status(), Problems.APPLICATION_PROBLEM_JSON,
                        bytes(problem), null));
            }
            throw refused;
        }
        String contentType = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
        Object body = response.body();
        return new Outcome.Completed(new StoredResponse(response.code(), contentType,
                body == null ? new byte[0] : bytes(body), response.getHeaders().get(HttpHeaders.LOCATION)));
    }

    /** SHA-256 over the method, the raw path and the body bytes. */
    static String fingerprint(HttpRequest<?> request, @Nullable byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethodName() + " " + request.getUri().getRawPath() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha256.update(body);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
