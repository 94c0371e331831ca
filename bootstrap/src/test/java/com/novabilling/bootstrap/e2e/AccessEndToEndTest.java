package com.novabilling.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.novabilling.adapter.out.persistence.testing.TestJdbc;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: every customers and api-keys endpoint refuses a missing, malformed, unknown, revoked or
 * expired key with one and the same 401, and a key without the endpoint's scope with a 403 naming it;
 * secrets are never stored nor logged.
 */
@MicronautTest(transactional = false, environments = "postgres")
class AccessEndToEndTest extends EndToEndTest {

    /** Every log event of the test JVM, from class load on (so start-up lines are seen too). */
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    static {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    }

    @Inject
    TestJdbc jdbc;

    private final List<String> secretsSeen = new ArrayList<>();
    private String customerId;
    private String revokedKey;
    private String expiredKey;
    private String readOnlyKey;
    private String customersOnlyKey;
    private String apiKeysOnlyKey;
    private String otherKeyId;

    record Endpoint(String method, String path, String body, String scope) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    Stream<Endpoint> endpoints() {
        String id = "/api/customers/" + customerId;
        return Stream.of(
                new Endpoint("POST", "/api/customers", "{\"email\":\"new@x.io\",\"name\":\"New\"}", "customers:write"),
                new Endpoint("GET", "/api/customers", null, "customers:read"),
                new Endpoint("GET", id, null, "customers:read"),
                new Endpoint("PATCH", id, "{\"name\":\"Changed\"}", "customers:write"),
                new Endpoint("DELETE", id, null, "customers:write"),
                new Endpoint("POST", "/api/tenants/me/api-keys", "{\"name\":\"k\",\"scopes\":[\"customers:read\"]}", "api_keys:write"),
                new Endpoint("GET", "/api/tenants/me/api-keys", null, "api_keys:read"),
                new Endpoint("DELETE", "/api/tenants/me/api-keys/" + otherKeyId, null, "api_keys:write"));
    }

    @BeforeAll
    void keysAndACustomer() throws InterruptedException {
        api = new ApiClient(server.getURI(), OPERATOR_KEY, json);
        customerId = (String) api.post("/api/customers", "{\"email\":\"sarah@kampaltech.ug\",\"name\":\"Nakato Sarah\"}")
                .object().get("id");
        revokedKey = createKey("revoked", List.of("customers:read", "customers:write", "api_keys:read", "api_keys:write"), null);
        String revokedId = keyIdOf(revokedKey);
        assertThat(api.withKey(revokedKey).get("/api/customers").status()).isEqualTo(200);
        assertThat(api.delete("/api/tenants/me/api-keys/" + revokedId).status()).isEqualTo(200);
        expiredKey = createKey("expiring", List.of("customers:read", "customers:write", "api_keys:read", "api_keys:write"),
                Instant.now().plusMillis(1500).toString());
        assertThat(api.withKey(expiredKey).get("/api/customers").status()).isEqualTo(200);
        readOnlyKey = createKey("read-only", List.of("customers:read", "api_keys:read"), null);
        customersOnlyKey = createKey("customers", List.of("customers:read", "customers:write"), null);
        apiKeysOnlyKey = createKey("keys", List.of("api_keys:read", "api_keys:write"), null);
        otherKeyId = keyIdOf(createKey("victim", List.of("customers:read"), null));
        Thread.sleep(1600);
    }

    private String createKey(String name, List<String> scopes, String expiresAt) {
        String body = "{\"name\":\"" + name + "\",\"scopes\":" + json(scopes)
                + (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}";
        ApiResponse created = api.post("/api/tenants/me/api-keys", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = (String) created.object().get("secret");
        secretsSeen.add(secret);
        return secret;
    }

    private String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    @SuppressWarnings("unchecked")
    private String keyIdOf(String secret) {
        return api.get("/api/tenants/me/api-keys").data().stream()
                .filter(k -> secret.startsWith((String) k.get("prefix")))
                .filter(k -> k.get("revokedAt") == null)
                .map(k -> (String) k.get("id")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} without a usable key -> 401")
    @MethodSource("endpoints")
    void everyEndpointRefusesMissingBadRevokedAndExpiredKeysAlike(Endpoint endpoint) {
        List<ApiResponse> answers = new ArrayList<>();
        answers.add(call(api.withoutKey(), endpoint));
        answers.add(call(api.withKey("not-a-key"), endpoint));
        answers.add(call(api.withKey("sk_live_" + "A".repeat(40)), endpoint));
        answers.add(call(api.withKey(revokedKey), endpoint));
        answers.add(call(api.withKey(expiredKey), endpoint));
        answers.add(api.withoutKey().send(endpoint.method(), endpoint.path(), endpoint.body(),
                endpoint.body() == null ? null : "application/json", "Authorization", "Basic " + OPERATOR_KEY));

        for (ApiResponse answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            Map<String, Object> problem = answer.object();
            assertThat(problem.get("code")).isEqualTo("unauthorized");
            problem.remove("requestId");
            Map<String, Object> first = answers.get(0).object();
            first.remove("requestId");
            assertThat(problem).as("same body whatever was wrong with the key").isEqualTo(first);
        }
        assertThat(api.get("/api/customers/" + customerId).object().get("name")).isEqualTo("Nakato Sarah");
    }

    @ParameterizedTest(name = "{0} without its scope -> 403")
    @MethodSource("endpoints")
    void everyEndpointRefusesAKeyWithoutItsScope(Endpoint endpoint) {
        String key = switch (endpoint.scope()) {
            case "customers:write" -> readOnlyKey;
            case "customers:read" -> apiKeysOnlyKey;
            default -> customersOnlyKey;
        };

        ApiResponse answer = call(api.withKey(key), endpoint);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
        assertThat((String) answer.object().get("detail")).contains(endpoint.scope());
        assertThat(api.get("/api/customers/" + customerId).object().get("name")).isEqualTo("Nakato Sarah");
    }

    private ApiResponse call(ApiClient client, Endpoint endpoint) {
        return client.send(endpoint.method(), endpoint.path(), endpoint.body(),
                endpoint.body() == null ? null : "application/json");
    }

    @Test
    void aKeyCannotGrantScopesItDoesNotHold() {
        ApiResponse answer = api.withKey(readOnlyKey).send("POST", "/api/tenants/me/api-keys",
                "{\"name\":\"escalate\",\"scopes\":[\"customers:write\"]}", "application/json");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
    }

    @Test
    void theSecretIsShownOnceAndListsNeverShowIt() {
        ApiResponse created = api.post("/api/tenants/me/api-keys", "{\"name\":\"ci\",\"scopes\":[\"customers:read\"]}");
        Map<String, Object> key = created.object();
        String secret = (String) key.get("secret");
        secretsSeen.add(secret);

        assertThat(secret).matches("sk_live_[0-9A-Za-z]{40}");
        assertThat(key.get("prefix")).isEqualTo(secret.substring(0, 12));
        assertThat(key.get("scopes")).isEqualTo(List.of("customers:read"));
        assertThat(created.header("Location")).isEqualTo("/api/tenants/me/api-keys/" + key.get("id"));
        ApiResponse list = api.get("/api/tenants/me/api-keys");
        assertThat(list.body()).doesNotContain(secret);
        assertThat(list.data()).allSatisfy(k -> assertThat(k).doesNotContainKey("secret"));
        assertThat(api.withKey(secret).get("/api/customers").status()).isEqualTo(200);
    }

    @Test
    void theDatabaseHoldsOnlyHashesOfSecrets() throws Exception {
        List<String> rows = jdbc.query("SELECT k::text FROM api_keys k", List.of(), rs -> rs.getString(1));
        List<String> hashes = jdbc.query("SELECT encode(secret_sha256, 'hex') FROM api_keys", List.of(), rs -> rs.getString(1));

        List<String> secrets = new ArrayList<>(secretsSeen);
        secrets.add(OPERATOR_KEY);
        for (String secret : secrets) {
            String randomPart = secret.substring("sk_live_".length());
            assertThat(rows).noneMatch(row -> row.contains(randomPart));
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
            assertThat(hashes).contains(sha);
        }
    }

    @Test
    void revokingAKeyStopsItAtOnce() {
        String secret = createKey("short-lived", List.of("customers:read"), null);
        assertThat(api.withKey(secret).get("/api/customers").status()).isEqualTo(200);

        ApiResponse revoked = api.delete("/api/tenants/me/api-keys/" + keyIdOf(secret));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.object().get("revokedAt")).isNotNull();
        assertThat(api.withKey(secret).get("/api/customers").status()).isEqualTo(401);
        assertThat(api.delete("/api/tenants/me/api-keys/key_doesnotexist").code()).isEqualTo("api_key_not_found");
    }

    @Test
    void operatorsCreateTenantsWithTheAdminTokenOnly() {
        String body = "{\"name\":\"Kampala Tech\",\"defaultCurrency\":\"UGX\"}";
        assertThat(api.withoutKey().send("POST", "/api/admin/tenants", body, "application/json").status()).isEqualTo(401);
        assertThat(api.withKey(OPERATOR_KEY).send("POST", "/api/admin/tenants", body, "application/json").status())
                .isEqualTo(401);
        assertThat(api.withKey(ADMIN_TOKEN + "x").send("POST", "/api/admin/tenants", body, "application/json").status())
                .isEqualTo(401);

        ApiResponse created = api.withKey(ADMIN_TOKEN).send("POST", "/api/admin/tenants", body, "application/json");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        @SuppressWarnings("unchecked") Map<String, Object> tenant = (Map<String, Object>) created.object().get("tenant");
        @SuppressWarnings("unchecked") Map<String, Object> apiKey = (Map<String, Object>) created.object().get("apiKey");
        assertThat(tenant.get("name")).isEqualTo("Kampala Tech");
        assertThat(tenant.get("defaultCurrency")).isEqualTo("UGX");
        assertThat((String) tenant.get("id")).startsWith("ten_");
        String secret = (String) apiKey.get("secret");
        secretsSeen.add(secret);
        assertThat(apiKey.get("scopes")).isEqualTo(List.of("api_keys:read", "api_keys:write", "customers:read",
                "customers:write", "events:read", "webhooks:read", "webhooks:write"));
        ApiClient newTenant = api.withKey(secret);
        assertThat(newTenant.get("/api/customers").object().get("total")).isEqualTo(0);
        ApiResponse customer = newTenant.post("/api/customers", "{\"email\":\"a@b.ug\",\"name\":\"A\"}");
        assertThat(customer.object().get("currency")).isEqualTo("UGX");
    }

    @AfterAll
    void noLogLineHoldsASecret() {
        List<String> secrets = new ArrayList<>(secretsSeen);
        secrets.add(OPERATOR_KEY);
        assertThat(LOGS.list).isNotEmpty();
        for (ILoggingEvent event : LOGS.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(line).doesNotContain(secret.substring("sk_live_".length()));
            }
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }
}
