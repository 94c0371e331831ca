package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import com.novabilling.bootstrap.e2e.WebhookReceiver.Received;
import com.novabilling.domain.webhook.WebhookSignature;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end on PostgreSQL, with a real receiver ({@link WebhookReceiver}) on 127.0.0.1: signed
 * deliveries of customer.created / updated / deleted, retries after a 500, redelivery, 410 Gone, the events API,
 * and writes that roll back sending nothing. Private networks (and http) are allowed for the local receiver;
 * retries are backed off in milliseconds instead of minutes.
 */
@MicronautTest(transactional = false, environments = "postgres")
class WebhooksEndToEndTest extends EndToEndTest {

    /** How long to wait for a delivery before calling the build broken; deliveries come within a second. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebhookReceiver receiver = new WebhookReceiver();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("novabilling.webhooks.allow-private-networks", "true");
        properties.put("novabilling.webhooks.poll-interval", "100ms");
        properties.put("novabilling.webhooks.retry.first-delay", "200ms");
        properties.put("novabilling.webhooks.retry.max-delay", "1s");
        return properties;
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    @AfterEach
    void noEndpointsAndNothingReceived() {
        for (Map<String, Object> endpoint : api.get("/api/webhook-endpoints").data()) {
            api.delete("/api/webhook-endpoints/" + endpoint.get("id"));
        }
        receiver.reset();
    }

    private Map<String, Object> endpoint(String path, String events) {
        ApiResponse created = api.post("/api/webhook-endpoints",
                "{\"url\":\"" + receiver.url(path) + "\",\"events\":" + events + ",\"description\":\"test " + path + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.object();
    }

    private Map<String, Object> json(String body) {
        try {
            @SuppressWarnings("unchecked") Map<String, Object> map = this.json.readValue(body, Map.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private ApiResponse until(java.util.function.Supplier<ApiResponse> call, Predicate<ApiResponse> done) {
        Instant deadline = Instant.now().plus(WAIT);
        ApiResponse last = call.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = call.get();
        }
        return last;
    }

    private static void assertSignedBy(String secret, Received request) {
        String signature = request.header("NovaBilling-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(secret, signature, request.body(), Instant.now().getEpochSecond(), 300))
                .as("signature verifies with the endpoint's secret").isTrue();
        assertThat(WebhookSignature.verify(secret, signature, request.body() + " ", Instant.now().getEpochSecond(), 300))
                .as("a changed body does not verify").isFalse();
    }

    @Test
    void createUpdateAndDeleteEachReachTheEndpointSignedAndMatchTheEventsApi() {
        Map<String, Object> endpoint = endpoint("/all", "[\"*\"]");
        String secret = (String) endpoint.get("secret");
        assertThat(secret).matches("whsec_[0-9A-Za-z]{40}");
        assertThat(endpoint.get("enabled")).isEqualTo(true);
        assertThat(endpoint.get("events")).isEqualTo(List.of("*"));

        ApiResponse created = api.post("/api/customers",
                "{\"email\":\"hooks@kampaltech.ug\",\"name\":\"Nakato Sarah\",\"externalId\":\"usr_hooks\","
                        + "\"metadata\":{\"plan\":\"pro\"}}");
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.object().get("id");
        ApiResponse patched = api.patch("/api/customers/" + id, "{\"email\":\"nakato@kampaltech.ug\",\"country\":\"UG\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(api.delete("/api/customers/" + id).status()).isEqualTo(200);

        Map<String, Received> byType = receiver.next(3, WAIT).stream()
                .collect(Collectors.toMap(r -> r.header("NovaBilling-Event-Type"), r -> r));
        assertThat(byType).containsOnlyKeys("customer.created", "customer.updated", "customer.deleted");
        for (Received request : byType.values()) {
            assertThat(request.path()).isEqualTo("/all");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertSignedBy(secret, request);
            Map<String, Object> event = json(request.body());
            assertThat(event.get("id")).isEqualTo(request.header("NovaBilling-Event-Id"));
            assertThat((String) event.get("id")).matches("evt_[0-9a-z]{26}");
            assertThat(event.get("type")).isEqualTo(request.header("NovaBilling-Event-Type"));
            assertThat((String) event.get("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }

        Map<String, Object> createdData = map(json(byType.get("customer.created").body()).get("data"));
        assertThat(createdData.get("object")).as("the customer as the API showed it").isEqualTo(created.object());
        assertThat(createdData).containsOnlyKeys("object");

        Map<String, Object> updatedData = map(json(byType.get("customer.updated").body()).get("data"));
        assertThat(updatedData.get("object")).isEqualTo(patched.object());
        Map<String, Object> previous = new HashMap<>();
        previous.put("email", "hooks@kampaltech.ug");
        previous.put("country", null);
        assertThat(updatedData.get("previousAttributes")).as("old values of the changed fields only").isEqualTo(previous);

        Map<String, Object> deletedData = map(json(byType.get("customer.deleted").body()).get("data"));
        assertThat(map(deletedData.get("object")).get("id")).isEqualTo(id);
        assertThat(map(deletedData.get("object")).get("email")).isEqualTo("nakato@kampaltech.ug");
        assertThat(deletedData.get("canceledSubscriptions")).isEqualTo(0);
        assertThat(deletedData.get("voidedInvoices")).isEqualTo(0);

        ApiResponse listed = api.get("/api/events?limit=3");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.data()).extracting(e -> e.get("type"))
                .containsExactly("customer.deleted", "customer.updated", "customer.created");
        for (Received request : byType.values()) {
            ApiResponse one = api.get("/api/events/" + request.header("NovaBilling-Event-Id"));
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.body()).as("the events API shows the bytes that were signed").isEqualTo(request.body());
        }
        ApiResponse updates = api.get("/api/events?type=customer.updated&limit=1");
        assertThat(updates.data()).singleElement().satisfies(e -> assertThat(e.get("id"))
                .isEqualTo(byType.get("customer.updated").header("NovaBilling-Event-Id")));
        String oldest = (String) listed.data().get(1).get("id");
        assertThat(api.get("/api/events?limit=100&startingAfter=" + oldest).data().get(0).get("id"))
                .isEqualTo(byType.get("customer.created").header("NovaBilling-Event-Id"));
    }

    @Test
    void aReceiverAnswering500GetsTheEventAgainAndTheAttemptsAreListed() {
        Map<String, Object> endpoint = endpoint("/flaky", "[\"customer.created\"]");
        receiver.answer(500);

        api.post("/api/customers", "{\"email\":\"flaky@kampaltech.ug\",\"name\":\"Flaky\"}");

        Received first = receiver.next(WAIT);
        Received second = receiver.next(WAIT);
        assertThat(first.answeredWith()).isEqualTo(500);
        assertThat(second.answeredWith()).isEqualTo(200);
        assertThat(second.header("NovaBilling-Event-Id")).isEqualTo(first.header("NovaBilling-Event-Id"));
        assertThat(second.header("NovaBilling-Delivery-Id")).isEqualTo(first.header("NovaBilling-Delivery-Id"));
        assertThat(second.body()).isEqualTo(first.body());
        assertSignedBy((String) endpoint.get("secret"), second);

        String deliveries = "/api/webhook-endpoints/" + endpoint.get("id") + "/deliveries";
        ApiResponse attempts = until(() -> api.get(deliveries), r -> r.data().size() == 2);
        assertThat(attempts.data()).hasSize(2);
        Map<String, Object> delivered = attempts.data().get(0);
        Map<String, Object> failed = attempts.data().get(1);
        assertThat(delivered).containsEntry("outcome", "delivered").containsEntry("statusCode", 200)
                .containsEntry("attempt", 2).containsEntry("error", null).containsEntry("nextRetryAt", null)
                .containsEntry("eventType", "customer.created")
                .containsEntry("eventId", first.header("NovaBilling-Event-Id"));
        assertThat(failed).containsEntry("outcome", "retrying").containsEntry("statusCode", 500)
                .containsEntry("attempt", 1).containsEntry("error", "HTTP 500");
        assertThat((String) failed.get("nextRetryAt")).isNotNull();
        assertThat(((Number) failed.get("durationMs")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(attempts.object().get("hasMore")).isEqualTo(false);
        assertThat(api.get(deliveries + "?limit=1").object().get("hasMore")).isEqualTo(true);
        assertThat(api.get(deliveries + "?limit=1&startingAfter=" + delivered.get("id")).data())
                .extracting(a -> a.get("id")).containsExactly(failed.get("id"));
    }

    @Test
    void writesThatRollBackSendNothing() {
        endpoint("/rollback", "[\"*\"]");
        ApiResponse first = api.post("/api/customers",
                "{\"email\":\"kept@kampaltech.ug\",\"name\":\"Kept\",\"externalId\":\"usr_rollback\"}");
        ApiResponse second = api.post("/api/customers", "{\"email\":\"after@kampaltech.ug\",\"name\":\"After\"}");
        ApiResponse refused = api.post("/api/customers",
                "{\"email\":\"refused@kampaltech.ug\",\"name\":\"Refused\",\"externalId\":\"usr_rollback\"}");
        ApiResponse refusedPatch = api.patch("/api/customers/" + first.object().get("id"),
                "{\"name\":\"Renamed\",\"email\":\"AFTER@kampaltech.ug\"}");
        assertThat(second.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("customer_external_id_taken");
        assertThat(refusedPatch.status()).isEqualTo(409);
        assertThat(refusedPatch.code()).isEqualTo("customer_email_taken");

        List<Received> received = receiver.next(2, WAIT);

        assertThat(received).extracting(r -> map(map(json(r.body()).get("data")).get("object")).get("email"))
                .containsExactlyInAnyOrder("kept@kampaltech.ug", "after@kampaltech.ug");
        assertThat(received).extracting(r -> r.header("NovaBilling-Event-Type")).containsOnly("customer.created");
        assertThat(api.get("/api/events?limit=100").body()).doesNotContain("refused@kampaltech.ug").doesNotContain("Renamed");
    }

    @Test
    void redeliverSendsTheSameEventAgainAndGoneDisablesTheEndpoint() {
        Map<String, Object> endpoint = endpoint("/again", "[\"customer.deleted\"]");
        String customer = (String) api.post("/api/customers", "{\"email\":\"again@kampaltech.ug\",\"name\":\"Again\"}")
                .object().get("id");
        api.delete("/api/customers/" + customer);
        Received original = receiver.next(WAIT);
        String eventId = original.header("NovaBilling-Event-Id");

        receiver.answer(410);
        ApiResponse redelivered = api.post("/api/events/" + eventId + "/redeliver",
                "{\"endpointId\":\"" + endpoint.get("id") + "\"}");
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(202);
        assertThat(redelivered.object()).containsEntry("eventId", eventId)
                .containsEntry("endpoints", List.of(endpoint.get("id")));
        Received again = receiver.next(WAIT);
        assertThat(again.answeredWith()).isEqualTo(410);
        assertThat(again.header("NovaBilling-Event-Id")).isEqualTo(eventId);
        assertThat(again.body()).isEqualTo(original.body());
        assertThat(again.header("NovaBilling-Delivery-Id")).isNotEqualTo(original.header("NovaBilling-Delivery-Id"));

        ApiResponse disabled = until(() -> api.get("/api/webhook-endpoints/" + endpoint.get("id")),
                r -> Boolean.FALSE.equals(r.object().get("enabled")));
        assertThat(disabled.object().get("enabled")).as("410 Gone disables the endpoint").isEqualTo(false);
        ApiResponse refused = api.post("/api/events/" + eventId + "/redeliver", "{\"endpointId\":\"" + endpoint.get("id") + "\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("webhook_endpoint_disabled");
        assertThat(api.post("/api/events/evt_01jq3v6x9c4m2k8d7f5h1n0p2r/redeliver", "").code()).isEqualTo("event_not_found");
        ApiResponse badBody = api.post("/api/events/" + eventId + "/redeliver", "{\"endpointId\":7,\"endpoints\":[]}");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.errorFields()).containsExactlyInAnyOrder("endpointId", "endpoints");
        assertThat(api.post("/api/events/" + eventId + "/redeliver", "{\"endpointId\":\"we_nope\"}").code())
                .isEqualTo("webhook_endpoint_not_found");
    }

    @Test
    void endpointsAreManagedThroughTheApiAndBadInputIsNamed() {
        ApiResponse bad = api.post("/api/webhook-endpoints",
                "{\"url\":\"ftp://hooks.example.com\",\"events\":[\"customer.created\",\"customer.exploded\",7],\"secret\":\"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(bad.errorFields()).contains("url", "events[2]", "secret");
        assertThat(api.post("/api/webhook-endpoints", "{\"url\":\"" + receiver.url("/x") + "\",\"events\":[]}").errorFields())
                .containsExactly("events");
        ApiResponse missing = api.post("/api/webhook-endpoints", "{\"description\":\"   \"}");
        assertThat(missing.errors()).extracting(e -> e.get("field") + ": " + e.get("message"))
                .containsExactlyInAnyOrder("url: is required", "events: is required", "description: must not be blank");

        Map<String, Object> created = endpoint("/managed", "[\"customer.created\",\"customer.deleted\"]");
        String path = "/api/webhook-endpoints/" + created.get("id");
        ApiResponse got = api.get(path);
        assertThat(got.object()).doesNotContainKey("secret").containsEntry("url", receiver.url("/managed"))
                .containsEntry("events", List.of("customer.created", "customer.deleted"))
                .containsEntry("description", "test /managed");
        assertThat(api.get("/api/webhook-endpoints").data()).singleElement()
                .satisfies(e -> assertThat(e).doesNotContainKey("secret").containsEntry("id", created.get("id")));

        ApiResponse patched = api.patch(path, "{\"events\":[\"*\"],\"enabled\":false,\"description\":null}");
        assertThat(patched.object()).containsEntry("events", List.of("*")).containsEntry("enabled", false)
                .containsEntry("description", null);
        assertThat(api.patch(path, "{\"enabled\":\"yes\",\"url\":null}").errorFields()).containsExactlyInAnyOrder("enabled", "url");
        ApiResponse nullEvents = api.patch(path, "{\"events\":null,\"enabled\":null,\"secret\":\"x\",\"colour\":1}");
        assertThat(nullEvents.status()).isEqualTo(400);
        assertThat(nullEvents.errors()).extracting(e -> e.get("field") + ": " + e.get("message")).containsExactlyInAnyOrder(
                "events: must name at least one event type or \"*\"", "enabled: must not be null", "secret: is read-only",
                "colour: unknown field");
        assertThat(api.patch(path, "{\"events\":\"*\"}").errorFields()).containsExactly("events");
        assertThat(api.patch(path, "[]").code()).isEqualTo("malformed_json");
        assertThat(api.get(path).object()).containsEntry("events", List.of("*")).containsEntry("enabled", false);

        ApiResponse rotated = api.post(path + "/rotate-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat((String) rotated.object().get("secret")).startsWith("whsec_").isNotEqualTo(created.get("secret"));

        ApiResponse deleted = api.delete(path);
        assertThat(deleted.object()).containsEntry("id", created.get("id")).containsEntry("deleted", true);
        assertThat(api.get(path).code()).isEqualTo("webhook_endpoint_not_found");
        assertThat(api.get("/api/webhook-endpoints/we_nope/deliveries").code()).isEqualTo("webhook_endpoint_not_found");
        assertThat(api.get("/api/events/evt_nope").code()).isEqualTo("event_not_found");
        assertThat(api.get("/api/events?limit=0&startingAfter=cust_x&type=customer.exploded").errorFields())
                .containsExactlyInAnyOrder("limit", "startingAfter", "type");
    }

    @Test
    void theScopesGuardEventsAndWebhooks() {
        ApiResponse key = api.post("/api/tenants/me/api-keys", "{\"name\":\"customers only\",\"scopes\":[\"customers:read\"]}");
        ApiClient customersOnly = api.withKey((String) key.object().get("secret"));
        assertThat(customersOnly.get("/api/events").status()).isEqualTo(403);
        assertThat(customersOnly.get("/api/webhook-endpoints").status()).isEqualTo(403);
        assertThat(customersOnly.post("/api/webhook-endpoints", "{}").status()).isEqualTo(403);

        ApiResponse readKey = api.post("/api/tenants/me/api-keys",
                "{\"name\":\"events\",\"scopes\":[\"events:read\",\"webhooks:read\"]}");
        ApiClient reader = api.withKey((String) readKey.object().get("secret"));
        assertThat(reader.get("/api/events").status()).isEqualTo(200);
        assertThat(reader.get("/api/webhook-endpoints").status()).isEqualTo(200);
        assertThat(reader.post("/api/webhook-endpoints", "{}").status()).isEqualTo(403);
    }
}
