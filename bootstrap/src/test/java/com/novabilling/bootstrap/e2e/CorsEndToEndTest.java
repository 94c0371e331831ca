package com.novabilling.bootstrap.e2e;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code NOVABILLING_CORS_ALLOWED_ORIGINS} listing an origin, a browser app there can call the API:
 * preflights are answered for the allowed headers, responses name the origin (never {@code *}) and expose
 * the headers a client needs; any other origin still gets the 403 problem.
 */
@MicronautTest(transactional = false, environments = "postgres")
class CorsEndToEndTest extends EndToEndTest {

    private static final String APP = "https://app.example.com";
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("novabilling.cors.allowed-origins", APP + ", http://localhost:5173");
        return properties;
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> listed(HttpResponse<?> response, String header) {
        return response.headers().allValues(header).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .map(String::toLowerCase)
                .collect(Collectors.toList());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/customers", "Origin", APP,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, content-type, idempotency-key");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
        assertThat(listed(preflight, "Access-Control-Allow-Methods")).contains("post");
        assertThat(listed(preflight, "Access-Control-Allow-Headers"))
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("600");
    }

    @Test
    void aRequestFromAnAllowedOriginNamesItAndExposesTheClientHeaders() throws Exception {
        HttpResponse<String> response = send("GET", "/api/customers?limit=1", "Origin", APP,
                "Authorization", "Bearer " + OPERATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(listed(response, "Access-Control-Expose-Headers")).contains("x-request-id", "location",
                "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after");
        assertThat(response.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Origin");
    }

    @Test
    void anotherOriginOrAnotherHeaderIsRefusedWithAProblem() throws Exception {
        for (HttpResponse<String> refused : List.of(
                send("GET", "/api/customers", "Origin", "https://evil.example", "Authorization", "Bearer " + OPERATOR_KEY),
                send("OPTIONS", "/api/customers", "Origin", "https://evil.example",
                        "Access-Control-Request-Method", "GET"),
                send("OPTIONS", "/api/customers", "Origin", "https://app.example.com.evil.example",
                        "Access-Control-Request-Method", "GET"),
                send("OPTIONS", "/api/customers", "Origin", APP, "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Headers", "x-custom"))) {
            assertThat(refused.statusCode()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"code\":\"cors_origin_not_allowed\"");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }
}
