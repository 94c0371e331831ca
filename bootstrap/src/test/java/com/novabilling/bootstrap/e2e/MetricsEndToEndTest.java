package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /metrics}: Prometheus text, HTTP timers labelled by route template (never an id, an email or a
 * search term), unmatched paths under one fixed label, pool, JVM, process and API-key cache meters.
 */
@MicronautTest(transactional = false, environments = "postgres")
class MetricsEndToEndTest extends EndToEndTest {

    @Test
    void requestsAreCountedByRouteTemplateWithoutIdsOrPersonalData() {
        ApiResponse created = api.post("/api/customers", "{\"email\":\"metrics.person@kampaltech.ug\",\"name\":\"Metric Person\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = (String) created.object().get("id");
        assertThat(api.get("/api/customers/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/customers/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/customers?search=secretsearchterm").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.withoutKey().get("/scan/wp-admin-" + i + ".php").status()).isEqualTo(404);
        }

        ApiResponse metrics = api.withoutKey().get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        String text = metrics.body();
        assertThat(sample(text, "http_server_requests_seconds_count", "method=\"GET\"", "status=\"200\"",
                "uri=\"/api/customers/{id}\"")).isEqualTo(2.0);
        assertThat(sample(text, "http_server_requests_seconds_count", "method=\"POST\"", "status=\"201\"",
                "uri=\"/api/customers\"")).isEqualTo(1.0);
        assertThat(sample(text, "http_server_requests_seconds_count", "method=\"GET\"", "status=\"404\"",
                "uri=\"NOT_FOUND\"")).isEqualTo(5.0);
        assertThat(text).doesNotContain(id).doesNotContain("metrics.person").doesNotContain("secretsearchterm")
                .doesNotContain("wp-admin").doesNotContain(OPERATOR_KEY.substring(8));
        assertThat(sample(text, "hikaricp_connections_max")).isPositive();
        assertThat(sample(text, "hikaricp_connections_active")).isGreaterThanOrEqualTo(0.0);
        assertThat(text).contains("\njvm_memory_used_bytes{", "\nprocess_cpu_usage ", "\nprocess_uptime_seconds ");
        // the first request with the operator key missed the cache, the next three hit it
        assertThat(sample(text, "novabilling_api_key_cache_lookups_total", "result=\"miss\"")).isGreaterThanOrEqualTo(1.0);
        assertThat(sample(text, "novabilling_api_key_cache_lookups_total", "result=\"hit\"")).isGreaterThanOrEqualTo(3.0);
    }

    /** The value of the one sample of {@code name} whose labels include every one of {@code labels}. */
    static double sample(String text, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{.*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        List<Double> found = new java.util.ArrayList<>();
        while (m.find()) {
            String labelSet = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(labelSet::contains)) {
                found.add(Double.parseDouble(m.group(2)));
            }
        }
        assertThat(found).as("samples of %s with %s in:%n%s", name, List.of(labels), text).hasSize(1);
        return found.get(0);
    }
}
