package com.novabilling.adapter.in.rest.json;

import com.novabilling.adapter.in.rest.error.MalformedJsonException;
import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.domain.shared.DomainValidationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads the body of every {@link JsonRequest} ({@code application/json} and, for PATCH,
 * {@code application/merge-patch+json}):
 * <ol>
 * <li>strictly parsed ({@link JsonBodies}): one JSON value, no duplicate keys, decimals exact, bounded
 *     nesting and number size; anything else, and a body that is not a JSON object, is 400
 *     {@code malformed_json};
 * <li>its shape checked against the record ({@link RequestShape}): unknown and read-only fields, wrong JSON
 *     types, all recorded;
 * <li>bound to the record by micronaut-serde (its compile-time {@code @Serdeable} code, no reflection);
 * <li>if the shape was wrong, answered at once with 400 {@code validation_failed} listing the shape's problems
 *     and every constraint and domain violation of the rest ({@link RequestViolations}); otherwise the
 *     record goes to the controller, whose {@code @Valid} runs the constraints.
 * </ol>
 */
@Singleton
@Consumes({MediaType.APPLICATION_JSON, JsonRequestReader.MERGE_PATCH_JSON})
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class JsonRequestReader<B> implements MessageBodyReader<B>, Ordered {

    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /** The request attribute holding the body's bytes as received (the Idempotency-Key fingerprint covers them). */
    static final String RAW_BODY = "novabilling.rawBody";

    private final JsonMapper mapper;
    private final Validator validator;

    public JsonRequestReader(JsonMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Before micronaut-serde's JSON reader, which would also take these types (as any object). Generic, like
     * that reader: Micronaut looks readers up by the body's type and finds a reader of a type variable or of a
     * subtype, not one of the interface {@code JsonRequest}; {@link #isReadable} takes the request records only.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public boolean isReadable(Argument<B> type, MediaType mediaType) {
        return JsonRequest.class.isAssignableFrom(type.getType());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public B read(Argument<B> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream)
            throws CodecException {
        byte[] body;
        try {
            body = inputStream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // kept for the Idempotency-Key fingerprint, which covers the bytes exactly as received
        ServerRequestContext.currentRequest().ifPresent(request -> request.setAttribute(RAW_BODY, body));
        return (B) read((Argument) type, body);
    }

    /**
     * The body bytes of {@code request} as this reader received them.
     *
     * @throws IllegalStateException when no request record was read from it (a programming error: the route
     *                               binds no {@link JsonRequest})
     */
    public static byte[] rawBody(HttpRequest<?> request) {
        return request.getAttribute(RAW_BODY, byte[].class)
                .orElseThrow(() -> new IllegalStateException("no request body was read for this route"));
    }

    /** The request in {@code body}; see the class comment. */
    public <T extends JsonRequest> T read(Argument<T> type, byte[] body) {
        JsonNode tree = JsonBodies.parse(body);
        if (tree == null || !tree.isObject()) {
            throw new MalformedJsonException(MalformedJsonException.NOT_AN_OBJECT);
        }
        Violations shape = new Violations();
        JsonNode fitting = RequestShape.check(type.getType(), tree, "", shape);
        T request;
        try {
            request = mapper.readValueFromTree(fitting, type);
        } catch (IOException e) {
            // the shape was checked, so this is a value serde itself refuses: still the caller's input
            throw new MalformedJsonException("The request body could not be read.");
        }
        if (!shape.isEmpty()) {
            List<com.novabilling.domain.shared.Violation> all =
                    RequestViolations.merge(shape.list(), validator.validate(request), request);
            throw new DomainValidationException(all);
        }
        return request;
    }
}
