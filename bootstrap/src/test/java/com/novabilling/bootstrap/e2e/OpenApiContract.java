package com.novabilling.bootstrap.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks every response an end-to-end test receives, success or error, against the OpenAPI document the
 * server itself serves at {@code /api/openapi.yml}, with Atlassian's swagger-request-validator. A mismatch
 * fails the test that received the response.
 *
 * <p>Requests are not validated: the hostile-input tests send invalid requests on purpose. Responses to
 * paths or methods the document does not have (an unknown route's 404, a 405, static assets) have no
 * operation to check against and are skipped; the hostile-input tests assert their problem shape.
 */
final class OpenApiContract {

    private static final Map<URI, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    static OpenApiInteractionValidator forServer(URI base) {
        return VALIDATORS.computeIfAbsent(base, OpenApiContract::load);
    }

    static String servedDocument(URI base) {
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/api/openapi.yml")).GET().build(), BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /api/openapi.yml answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static OpenApiInteractionValidator load(URI base) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(servedDocument(base))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    static void check(URI base, String method, String pathAndQuery, int status, Map<String, List<String>> headers,
                      String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Request.Method requestMethod;
        try {
            requestMethod = Request.Method.valueOf(method);
        } catch (IllegalArgumentException unknownMethod) {
            return;
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = forServer(base).validateResponse(path, requestMethod, response.build());
        if (report.hasErrors()) {
            throw new AssertionError("Response of " + method + " " + pathAndQuery + " (" + status
                    + ") does not match the served OpenAPI document:\n"
                    + report.getMessages().stream().map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n"))
                    + "\nbody: " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
    }
}
