package com.novabilling.bootstrap.e2e;

import com.novabilling.adapter.out.persistence.testing.TestPostgres;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import com.novabilling.bootstrap.e2e.WebhookReceiver.Received;
import com.novabilling.domain.webhook.WebhookSignature;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events pending when the service stops are delivered after it starts again: the first run records an event
 * but never gets to send it (its dispatcher polls once, at start, then not for an hour); it is stopped; a second
 * run on the same database delivers it. Nothing is kept in memory between the two: the outbox is the database.
 */
class WebhookRestartEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Map<String, Object> properties(Map<String, Object> database, String pollInterval) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("novabilling.persistence", "postgres");
        properties.put("micronaut.server.port", -1);
        properties.put("novabilling.bootstrap-api-key", EndToEndTest.OPERATOR_KEY);
        properties.put("novabilling.webhooks.allow-private-networks", true);
        properties.put("novabilling.webhooks.poll-interval", pollInterval);
        return properties;
    }

    @Test
    void eventsPendingAtShutdownAreDeliveredAfterTheNextStart() {
        Map<String, Object> database = TestPostgres.freshDatabase();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret;
            String customerId;
            try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties(database, "1h"))) {
                ApiClient api = new ApiClient(first.getURI(), EndToEndTest.OPERATOR_KEY,
                        first.getApplicationContext().getBean(JsonMapper.class));
                ApiResponse endpoint = api.post("/api/webhook-endpoints",
                        "{\"url\":\"" + receiver.url("/restart") + "\",\"events\":[\"customer.created\"]}");
                assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
                secret = (String) endpoint.object().get("secret");
                ApiResponse customer = api.post("/api/customers", "{\"email\":\"restart@kampaltech.ug\",\"name\":\"Restart\"}");
                assertThat(customer.status()).isEqualTo(201);
                customerId = (String) customer.object().get("id");
                assertThat(api.get("/api/events").data()).hasSize(1);
            }
            assertThat(receiver.drain()).as("nothing sent before the stop").isEmpty();

            try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties(database, "100ms"))) {
                Received delivered = receiver.next(WAIT);

                assertThat(delivered.path()).isEqualTo("/restart");
                assertThat(delivered.header("NovaBilling-Event-Type")).isEqualTo("customer.created");
                assertThat(delivered.body()).contains("\"id\":\"" + customerId + "\"");
                assertThat(WebhookSignature.verify(secret, delivered.header("NovaBilling-Signature"), delivered.body(),
                        Instant.now().getEpochSecond(), 300)).isTrue();
                ApiClient api = new ApiClient(second.getURI(), EndToEndTest.OPERATOR_KEY,
                        second.getApplicationContext().getBean(JsonMapper.class));
                assertThat(api.get("/api/events").data()).extracting(e -> e.get("id"))
                        .containsExactly(delivered.header("NovaBilling-Event-Id"));
            }
            assertThat(receiver.drain()).as("delivered once").isEmpty();
        }
    }
}
