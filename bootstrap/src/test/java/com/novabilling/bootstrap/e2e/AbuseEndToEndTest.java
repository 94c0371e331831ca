package com.novabilling.bootstrap.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, tried as a hostile client: per-key rate limits with their headers, throttled authentication
 * failures per client address, hardening headers, cross-origin requests refused by default, and aborted
 * uploads that leave no stack trace in the log. Limits here: 1 request/s with bursts of 5 per key, 20 failed
 * authentications a minute per address; 127.0.0.1 is a trusted proxy, so X-Forwarded-For plays the client.
 */
@MicronautTest(transactional = false, environments = "postgres")
class AbuseEndToEndTest extends EndToEndTest {

    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    static {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    }

    private String secondKey;
    private String burstKey;
    private String quietKey;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("novabilling.rate-limit.per-second", "1");
        properties.put("novabilling.rate-limit.burst", "5");
        properties.put("novabilling.auth-failure-limit", "20");
        properties.put("novabilling.trusted-proxies", "127.0.0.1, ::1");
        return properties;
    }

    @BeforeAll
    void moreKeysOfTheSameTenant() {
        secondKey = newKey("second");
        burstKey = newKey("burst");
        quietKey = newKey("quiet");
    }

    private String newKey(String name) {
        ApiResponse created = new ApiClient(server.getURI(), OPERATOR_KEY, json).post("/api/tenants/me/api-keys",
                "{\"name\":\"" + name + "\",\"scopes\":[\"customers:read\",\"customers:write\"]}");
        assertThat(created.status()).isEqualTo(201);
        return (String) created.object().get("secret");
    }

    /** A request as if from {@code address} (X-Forwarded-For from the trusted proxy 127.0.0.1). */
    private ApiResponse send(ApiClient client, String address, String method, String path, String body) {
        return client.send(method, path, body, body == null ? null : "application/json", "X-Forwarded-For", address);
    }

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterWhileAnotherKeyOfTheTenantIsServed() {
        ApiClient first = new ApiClient(server.getURI(), burstKey, json);
        List<ApiResponse> served = new ArrayList<>();
        ApiResponse refused = null;
        String refusedEmail = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            String email = "burst" + i + "@x.io";
            ApiResponse response = send(first, "192.0.2.1", "POST", "/api/customers",
                    "{\"email\":\"" + email + "\",\"name\":\"Burst " + i + "\"}");
            if (response.status() == 429) {
                refused = response;
                refusedEmail = email;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                served.add(response);
            }
        }

        assertThat(refused).as("a 429 within 200 requests at 1/s with bursts of 5").isNotNull();
        assertThat(served).hasSizeGreaterThanOrEqualTo(5);
        assertThat(served.get(0).header("RateLimit-Limit")).isEqualTo("5");
        assertThat(served.get(0).header("RateLimit-Remaining")).isEqualTo("4");
        assertThat(Long.parseLong(served.get(0).header("RateLimit-Reset"))).isBetween(1L, 5L);
        for (ApiResponse response : served) {
            assertThat(Long.parseLong(response.header("RateLimit-Remaining"))).isBetween(0L, 4L);
        }
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(1L, 5L);
        assertThat(refused.object().get("requestId")).isEqualTo(refused.header("X-Request-Id"));

        ApiResponse other = send(new ApiClient(server.getURI(), quietKey, json), "192.0.2.1", "GET",
                "/api/customers?email=" + refusedEmail, null);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("4");
        assertThat(other.object().get("total")).as("the refused request created nothing").isEqualTo(0);

        String metrics = new ApiClient(server.getURI(), null, json).get("/metrics").body();
        assertThat(MetricsEndToEndTest.sample(metrics, "novabilling_requests_refused_total", "reason=\"rate_limited\""))
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void errorsOfAnAuthenticatedKeyCarryTheRateLimitHeadersAndFailedAuthenticationsDoNot() {
        ApiClient client = new ApiClient(server.getURI(), secondKey, json);
        ApiResponse notFound = send(client, "192.0.2.2", "GET", "/api/customers/cust_01jq3v6x9c4m2k8d7f5h1n0p2r", null);
        ApiResponse forbidden = send(client, "192.0.2.2", "GET", "/api/tenants/me/api-keys", null);
        ApiResponse unauthorized = send(client.withKey("sk_live_" + "u".repeat(40)), "192.0.2.2", "GET",
                "/api/customers", null);

        assertThat(notFound.status()).isIn(404, 429);
        assertThat(notFound.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(forbidden.status()).isIn(403, 429);
        assertThat(forbidden.header("RateLimit-Remaining")).isNotNull();
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("RateLimit-Limit")).isNull();
    }

    @Test
    void thirtyBadKeysFromOneAddressAreCutOffAfterTwentyWhileAnotherAddressIsServed() {
        ApiClient attacker = new ApiClient(server.getURI(), null, json);
        List<Integer> statuses = new ArrayList<>();
        ApiResponse blocked = null;
        for (int i = 0; i < 30; i++) {
            ApiResponse response = send(attacker.withKey("sk_live_" + "random" + i + "x".repeat(34)), "203.0.113.7",
                    "GET", "/api/customers", null);
            statuses.add(response.status());
            if (response.status() == 429 && blocked == null) {
                blocked = response;
            }
        }

        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 30)).containsOnly(429);
        assertThat(blocked.code()).isEqualTo("too_many_failed_authentications");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        // the address is refused before any key lookup: even a valid key
        ApiResponse validFromThere = send(new ApiClient(server.getURI(), secondKey, json), "203.0.113.7", "GET",
                "/api/customers?limit=1", null);
        assertThat(validFromThere.code()).isEqualTo("too_many_failed_authentications");
        ApiResponse validFromElsewhere = send(new ApiClient(server.getURI(), secondKey, json), "198.51.100.9", "GET",
                "/api/customers?limit=1", null);
        assertThat(validFromElsewhere.status()).isIn(200, 429);
        assertThat(validFromElsewhere.code()).isNotEqualTo("too_many_failed_authentications");
        String metrics = new ApiClient(server.getURI(), null, json).get("/metrics").body();
        assertThat(MetricsEndToEndTest.sample(metrics, "novabilling_requests_refused_total",
                "reason=\"too_many_failed_authentications\"")).isGreaterThanOrEqualTo(11.0);
    }

    @Test
    void wrongOperatorTokensCountAsFailedAuthentications() {
        ApiClient operator = new ApiClient(server.getURI(), "not-the-admin-token", json);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(send(operator, "203.0.113.99", "POST", "/api/admin/tenants", "{\"name\":\"X\"}").status());
        }
        ApiResponse rightTokenFromThere = send(operator.withKey(ADMIN_TOKEN), "203.0.113.99", "POST",
                "/api/admin/tenants", "{\"name\":\"Y\"}");

        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
        assertThat(rightTokenFromThere.code()).isEqualTo("too_many_failed_authentications");
        assertThat(send(operator.withKey(ADMIN_TOKEN), "203.0.113.100", "POST", "/api/admin/tenants",
                "{\"name\":\"Z\"}").status()).isEqualTo(201);
    }

    @Test
    void aTenantGetsItsOwnLimitThroughTheAdminApi() {
        ApiClient admin = new ApiClient(server.getURI(), ADMIN_TOKEN, json);
        ApiResponse tenant = send(admin, "192.0.2.50", "POST", "/api/admin/tenants", "{\"name\":\"Limited Ltd\"}");
        assertThat(tenant.status()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> created = (Map<String, Object>) tenant.object().get("tenant");
        @SuppressWarnings("unchecked")
        String key = (String) ((Map<String, Object>) tenant.object().get("apiKey")).get("secret");
        String tenantId = (String) created.get("id");
        assertThat(created).doesNotContainKey("rateLimit");

        ApiResponse patched = send(admin, "192.0.2.50", "PATCH", "/api/admin/tenants/" + tenantId,
                "{\"rateLimit\":{\"perSecond\":2,\"burst\":3}}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.object()).containsEntry("id", tenantId)
                .containsEntry("rateLimit", Map.of("perSecond", 2, "burst", 3));
        ApiResponse limited = send(new ApiClient(server.getURI(), key, json), "192.0.2.50", "GET", "/api/customers", null);
        assertThat(limited.header("RateLimit-Limit")).isEqualTo("3");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("2");

        ApiResponse cleared = send(admin, "192.0.2.50", "PATCH", "/api/admin/tenants/" + tenantId, "{\"rateLimit\":null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.object()).containsEntry("id", tenantId).doesNotContainKey("rateLimit");
        assertThat(send(new ApiClient(server.getURI(), key, json), "192.0.2.50", "GET", "/api/customers", null)
                .header("RateLimit-Limit")).isEqualTo("5");
    }

    @Test
    void badRateLimitUpdatesAreRefusedAndChangeNothing() {
        ApiClient admin = new ApiClient(server.getURI(), ADMIN_TOKEN, json);
        ApiResponse invalid = send(admin, "192.0.2.60", "PATCH", "/api/admin/tenants/default",
                "{\"rateLimit\":{\"perSecond\":0,\"burst\":\"many\",\"window\":1},\"name\":\"x\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("rateLimit.perSecond", "rateLimit.burst",
                "rateLimit.window", "name");
        assertThat(send(admin, "192.0.2.60", "PATCH", "/api/admin/tenants/default", "{}").errorFields())
                .containsExactly("rateLimit");
        assertThat(send(admin, "192.0.2.60", "PATCH", "/api/admin/tenants/default",
                "{\"rateLimit\":{\"perSecond\":1.5,\"burst\":2000000}}").errorFields())
                .containsExactlyInAnyOrder("rateLimit.perSecond", "rateLimit.burst");
        ApiResponse unknown = send(admin, "192.0.2.60", "PATCH", "/api/admin/tenants/ten_nope",
                "{\"rateLimit\":{\"perSecond\":1,\"burst\":1}}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("tenant_not_found");
        ApiResponse notOperator = send(admin.withKey(OPERATOR_KEY), "192.0.2.61", "PATCH", "/api/admin/tenants/default",
                "{\"rateLimit\":{\"perSecond\":1,\"burst\":1}}");
        assertThat(notOperator.status()).isEqualTo(401);
        assertThat(send(new ApiClient(server.getURI(), secondKey, json), "192.0.2.62", "GET", "/api/customers", null)
                .header("RateLimit-Limit")).as("the default tenant is unchanged").isEqualTo("5");
    }

    @Test
    void everyResponseCarriesTheHardeningHeaders() {
        ApiClient client = new ApiClient(server.getURI(), secondKey, json);
        for (ApiResponse response : List.of(
                send(client, "192.0.2.70", "GET", "/api/customers", null),
                send(client.withoutKey(), "192.0.2.71", "GET", "/api/customers", null),
                send(client, "192.0.2.72", "GET", "/api/nothing-here", null),
                send(client.withoutKey(), "192.0.2.73", "GET", "/api/openapi.yml", null))) {
            assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
            assertThat(response.header("Cache-Control")).as(response.toString()).isEqualTo("no-store");
            assertThat(response.header("Content-Security-Policy")).as(response.toString())
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
        ApiResponse health = client.withoutKey().get("/health");
        assertThat(health.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(health.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void theReferencePageMayLoadItsOwnAssetsOnly() {
        ApiClient client = new ApiClient(server.getURI(), null, json);
        ApiResponse page = client.get("/api/reference");

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "default-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "http", "*");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("<style>");
        for (String asset : List.of("/api/reference/page/reference.js", "/api/reference/page/reference.css")) {
            ApiResponse response = client.get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(client.get("/api/reference/page/reference.js").body()).contains("SwaggerUIBundle");
    }

    @Test
    void crossOriginRequestsAreRefusedWithAProblemWhileNoOriginIsConfigured() {
        ApiClient client = new ApiClient(server.getURI(), secondKey, json);
        ApiResponse foreign = client.send("GET", "/api/customers", null, null, "Origin", "https://evil.example",
                "X-Forwarded-For", "192.0.2.80");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("cors_origin_not_allowed");
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

        ApiResponse sameOrigin = client.send("GET", "/api/customers?limit=1", null, null, "Origin",
                "http://localhost:" + server.getPort(), "X-Forwarded-For", "192.0.2.81");
        assertThat(sameOrigin.status()).isIn(200, 429);
        assertThat(sameOrigin.code()).isNotEqualTo("cors_origin_not_allowed");
    }

    /**
     * Micronaut 4.10's Netty body buffer has a Java {@code assert} that can trip when the client vanishes while
     * the request body is released; surefire runs tests with {@code -ea}, the jar runs without, where the
     * assert does not exist (checked on the built jar: 200 aborts, no stack trace).
     */
    private static boolean isMicronautInternalAssert(ILoggingEvent event) {
        var thrown = event.getThrowableProxy();
        return thrown != null && thrown.getClassName().equals(AssertionError.class.getName())
                && thrown.getStackTraceElementProxyArray().length > 0
                && thrown.getStackTraceElementProxyArray()[0].getStackTraceElement().getClassName()
                        .startsWith("io.micronaut.http.body.");
    }

    @Test
    void abortedUploadsLeaveNoStackTrace() throws Exception {
        int before = LOGS.list.size();
        byte[] head = ("POST /api/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + secondKey
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nX-Forwarded-For: 192.0.2.90\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
            try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
                if (i % 2 == 1) {
                    socket.setSoLinger(true, 0); // a reset instead of an orderly close
                }
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write("{\"email\":".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
        // the server sees the last aborts a moment later: wait until the log is quiet
        int seen = -1;
        for (int i = 0; i < 40 && seen != LOGS.list.size(); i++) {
            seen = LOGS.list.size();
            Thread.sleep(250);
        }
        List<ILoggingEvent> events = LOGS.list.subList(before, LOGS.list.size()).stream()
                .filter(e -> !isMicronautInternalAssert(e))
                .toList();
        // the access log writes at most its one line per request; the bound below is for everything else
        List<ILoggingEvent> accessLines = events.stream().filter(e -> e.getLoggerName().equals("novabilling.access")).toList();
        List<ILoggingEvent> otherLines = events.stream().filter(e -> !e.getLoggerName().equals("novabilling.access")).toList();

        assertThat(events).noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(accessLines.size()).isLessThanOrEqualTo(200);
        assertThat(otherLines.size()).isLessThanOrEqualTo(200);
        assertThat(events).allMatch(e -> e.getFormattedMessage().length() < 200
                && !e.getFormattedMessage().contains("\n"));
        // and the server still answers
        assertThat(new ApiClient(server.getURI(), OPERATOR_KEY, json).withoutKey().get("/health").status())
                .isEqualTo(200);
    }
}
