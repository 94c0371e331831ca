package com.novabilling.bootstrap.e2e;

import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code NOVABILLING_METRICS_TOKEN} set, {@code GET /metrics} needs that token as a bearer token. */
@MicronautTest(transactional = false, environments = "postgres")
class MetricsTokenEndToEndTest extends EndToEndTest {

    private static final String TOKEN = "metrics-token-for-tests-0123456789";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("novabilling.metrics-token", TOKEN);
        return properties;
    }

    @Test
    void metricsNeedTheTokenWhenOneIsSet() {
        for (ApiResponse refused : new ApiResponse[] {
                api.withoutKey().get("/metrics"),
                api.get("/metrics"),
                api.withKey(TOKEN + "x").get("/metrics"),
                api.withKey(TOKEN.substring(1)).get("/metrics")}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("unauthorized");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.body()).doesNotContain(TOKEN).doesNotContain("jvm_");
        }

        ApiResponse allowed = api.withKey(TOKEN).get("/metrics");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).contains("http_server_requests_seconds_count{");
    }
}
