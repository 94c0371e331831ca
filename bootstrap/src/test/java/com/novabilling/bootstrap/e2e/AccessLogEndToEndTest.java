package com.novabilling.bootstrap.e2e;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.tracing.opentelemetry.instrument.http.server.OpenTelemetryServerFilter;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One access-log line per request: method, route template, status, duration, bytes, request id, tenant and
 * key prefix; never the path's ids, the query (search terms), emails or secrets. Tracing is off here, so
 * no trace id.
 */
@MicronautTest(transactional = false, environments = "postgres")
class AccessLogEndToEndTest extends EndToEndTest {

    private static final String EMAIL = "access.log.person@kampaltech.ug";

    @Test
    void withTracingOffOpenTelemetrysServerFilterDoesNotRunAndATraceparentIsStillAccepted() throws Exception {
        assertThat(context.getBeansOfType(HttpServerFilter.class))
                .noneMatch(filter -> filter instanceof OpenTelemetryServerFilter)
                .anyMatch(filter -> filter.getClass().getSimpleName().equals("UntracedRequests"));
        try (AccessLogCapture log = new AccessLogCapture()) {
            ApiResponse listed = api.send("GET", "/api/customers?limit=1", null, null,
                    "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

            assertThat(listed.status()).isEqualTo(200);
            assertThat(fields(log.single(m -> m.startsWith("GET /api/customers 200 ")))).doesNotContainKey("trace_id");
        }
    }

    @Test
    void everyRequestLogsOneLineWithoutPersonalDataOrSecrets() throws Exception {
        try (AccessLogCapture log = new AccessLogCapture()) {
            ApiResponse created = api.post("/api/customers", "{\"email\":\"" + EMAIL + "\",\"name\":\"Logged Person\"}");
            String id = (String) created.object().get("id");
            ApiResponse got = api.get("/api/customers/" + id);
            ApiResponse searched = api.get("/api/customers?search=" + "verysecretterm" + "&email=" + EMAIL);
            ApiResponse refused = api.withKey("sk_live_wrongKeyWrongKeyWrongKeyWrongKey0123").get("/api/customers");
            ApiResponse scanned = api.withoutKey().get("/wp-login.php?user=" + EMAIL);
            ApiResponse tooLarge = api.post("/api/customers", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}");

            ILoggingEvent create = log.single(m -> m.startsWith("POST /api/customers 201 "));
            ILoggingEvent get = log.single(m -> m.startsWith("GET /api/customers/{id} 200 "));
            ILoggingEvent search = log.single(m -> m.startsWith("GET /api/customers 200 "));
            ILoggingEvent unauthorized = log.single(m -> m.startsWith("GET /api/customers 401 "));
            ILoggingEvent notFound = log.single(m -> m.startsWith("GET UNMATCHED 404 "));
            ILoggingEvent rejected = log.single(m -> m.contains(" 413 "));

            assertThat(fields(get)).containsEntry("method", "GET").containsEntry("route", "/api/customers/{id}")
                    .containsEntry("status", "200").containsEntry("tenant_id", "default")
                    .containsEntry("key_prefix", OPERATOR_KEY.substring(0, 12))
                    .containsEntry("request_id", got.header("X-Request-Id"))
                    .containsEntry("bytes", String.valueOf(got.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                    .containsKey("duration_ms").doesNotContainKey("trace_id");
            assertThat(get.getFormattedMessage())
                    .matches("GET /api/customers/\\{id} 200 \\d+ms \\d+B request=" + got.header("X-Request-Id")
                            + " tenant=default key=" + OPERATOR_KEY.substring(0, 12));
            assertThat(fields(create)).containsEntry("request_id", created.header("X-Request-Id"));
            assertThat(fields(search)).containsEntry("request_id", searched.header("X-Request-Id"));
            assertThat(fields(unauthorized)).containsEntry("tenant_id", "-").containsEntry("key_prefix", "-")
                    .containsEntry("request_id", refused.header("X-Request-Id"));
            assertThat(fields(notFound)).containsEntry("request_id", scanned.header("X-Request-Id"));
            assertThat(rejected.getFormattedMessage()).contains("request=" + tooLarge.header("X-Request-Id"));
            assertThat(tooLarge.status()).isEqualTo(413);

            for (ILoggingEvent event : log.events()) {
                String line = event.getFormattedMessage() + " " + event.getKeyValuePairs();
                assertThat(line).doesNotContain(id).doesNotContain(EMAIL).doesNotContain("access.log.person")
                        .doesNotContain("verysecretterm").doesNotContain("wp-login")
                        .doesNotContain(OPERATOR_KEY.substring(12)).doesNotContain("wrongKey");
            }
            // six requests, six lines (plus the test client's own fetch of the OpenAPI document it validates against)
            assertThat(log.events().stream().filter(e -> !e.getFormattedMessage().startsWith("GET /api/openapi.yml ")))
                    .hasSize(6);
        }
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        return event.getKeyValuePairs().stream()
                .collect(Collectors.toMap(kv -> kv.key, (KeyValuePair kv) -> String.valueOf(kv.value)));
    }
}
