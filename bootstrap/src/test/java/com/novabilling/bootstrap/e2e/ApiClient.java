package com.novabilling.bootstrap.e2e;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client (the JDK's) against the running app: what an integrator's code does, down to the
 * bytes of the body. Requests carry a bearer key unless {@link #withoutKey()} or {@link #withKey} says
 * otherwise. Every response is checked against the served OpenAPI document ({@link OpenApiContract}).
 */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;
    private final JsonMapper json;

    public ApiClient(URI base, String key, JsonMapper json) {
        this.base = base;
        this.key = key;
        this.json = json;
    }

    public ApiClient withKey(String otherKey) {
        return new ApiClient(base, otherKey, json);
    }

    public ApiClient withoutKey() {
        return new ApiClient(base, null, json);
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    public ApiResponse post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    public ApiResponse patch(String path, String body) {
        return send("PATCH", path, body, "application/json");
    }

    /** Any request, headers as name/value pairs; {@code body} may be null. */
    public ApiResponse send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            OpenApiContract.check(base, method, path, response.statusCode(), response.headers().map(), response.body());
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record ApiResponse(int status, Map<String, List<String>> headers, String body, JsonMapper json) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object() {
            try {
                return json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> data() {
            return (List<Map<String, Object>>) object().get("data");
        }

        /** The problem's {@code errors[]}: one map per field, with its {@code field} and {@code message}. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) object().getOrDefault("errors", List.of());
        }

        @SuppressWarnings("unchecked")
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            for (Object e : (List<Object>) object().getOrDefault("errors", List.of())) {
                fields.add((String) ((Map<String, Object>) e).get("field"));
            }
            return fields;
        }

        public String code() {
            return (String) object().get("code");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
