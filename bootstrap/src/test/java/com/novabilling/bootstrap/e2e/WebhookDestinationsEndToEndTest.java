package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side request forgery guard as the service runs by default (private networks not allowed): loopback,
 * private, link-local and metadata destinations and plain http are refused with 400 naming {@code url}. On the
 * in-memory adapter, which also shows the events and webhooks wiring works without PostgreSQL.
 */
@MicronautTest(transactional = false)
class WebhookDestinationsEndToEndTest extends EndToEndTest {

    @Override
    protected Map<String, String> persistenceProperties() {
        return inMemory();
    }

    @Test
    void privateLoopbackMetadataAndHttpDestinationsAreRefusedWith400() {
        for (String url : List.of("http://169.254.169.254/", "http://127.0.0.1:3141/hook", "https://127.0.0.1/hook",
                "https://169.254.169.254/latest/meta-data/", "https://[::1]/hook", "https://[fd00:ec2::254]/",
                "https://10.0.0.8/hook", "https://192.168.1.10/hook", "https://100.64.1.1/hook", "https://localhost/hook",
                "https://[::ffff:127.0.0.1]/hook", "https://0.0.0.0/hook", "https://2130706433/hook",
                "http://hooks.example.com/hook")) {
            ApiResponse refused = api.post("/api/webhook-endpoints", "{\"url\":\"" + url + "\",\"events\":[\"*\"]}");
            assertThat(refused.status()).as(url + " " + refused).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
            assertThat(refused.errorFields()).as(url).containsExactly("url");
            assertThat(refused.body()).doesNotContain("Exception");
        }
        assertThat(api.get("/api/webhook-endpoints").data()).isEmpty();
    }

    @Test
    void aPublicHttpsDestinationIsAcceptedAndItsUrlCheckedAgainOnPatch() {
        ApiResponse created = api.post("/api/webhook-endpoints", "{\"url\":\"https://93.184.216.34/hooks\",\"events\":[\"*\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        ApiResponse patched = api.patch("/api/webhook-endpoints/" + created.object().get("id"),
                "{\"url\":\"https://169.254.169.254/\"}");
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.errorFields()).containsExactly("url");
        assertThat(api.get("/api/webhook-endpoints/" + created.object().get("id")).object().get("url"))
                .isEqualTo("https://93.184.216.34/hooks");
        api.delete("/api/webhook-endpoints/" + created.object().get("id"));
    }

    @Test
    void customerWritesRecordEventsInMemoryToo() {
        ApiResponse customer = api.post("/api/customers", "{\"email\":\"memory@kampaltech.ug\",\"name\":\"Memory\"}");
        api.patch("/api/customers/" + customer.object().get("id"), "{\"name\":\"Memory Two\"}");

        ApiResponse events = api.get("/api/events");
        assertThat(events.data()).extracting(e -> e.get("type")).containsExactly("customer.updated", "customer.created");
        @SuppressWarnings("unchecked") Map<String, Object> data = (Map<String, Object>) events.data().get(0).get("data");
        assertThat(data.get("previousAttributes")).isEqualTo(Map.of("name", "Memory"));
    }
}
