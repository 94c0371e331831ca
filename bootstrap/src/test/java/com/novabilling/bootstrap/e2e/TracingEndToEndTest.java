package com.novabilling.bootstrap.e2e;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.novabilling.bootstrap.e2e.ApiClient.ApiResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an exporter named (as {@code OTEL_TRACES_EXPORTER} does), each request is a server span; a W3C
 * {@code traceparent} from the caller is continued, and the access log carries the trace id.
 */
@MicronautTest(transactional = false, environments = "postgres")
class TracingEndToEndTest extends EndToEndTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_SPAN = "b7ad6b7169203331";

    @Inject
    InMemorySpanExporter spans;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // what OTEL_TRACES_EXPORTER=logging sets; spans are also kept by InMemorySpans
        properties.put("otel.traces.exporter", "logging");
        properties.put(InMemorySpans.ENABLED, "true");
        return properties;
    }

    @Test
    void aCallersTraceparentIsContinuedAndItsTraceIdIsLogged() throws Exception {
        try (AccessLogCapture log = new AccessLogCapture()) {
            ApiResponse list = api.send("GET", "/api/customers?search=tracedterm", null, null,
                    "traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN + "-01");
            assertThat(list.status()).isEqualTo(200);

            SpanData server = serverSpan(TRACE_ID);
            assertThat(server.getParentSpanId()).isEqualTo(PARENT_SPAN);
            assertThat(server.getName()).isEqualTo("GET /api/customers");
            ILoggingEvent line = log.single(m -> m.startsWith("GET /api/customers 200 "));
            assertThat(line.getFormattedMessage()).endsWith(" trace=" + TRACE_ID);
        }
    }

    @Test
    void withoutTraceparentANewTraceIsStartedAndLogged() throws Exception {
        try (AccessLogCapture log = new AccessLogCapture()) {
            ApiResponse created = api.post("/api/customers", "{\"email\":\"traced@kampaltech.ug\",\"name\":\"Traced\"}");
            assertThat(created.status()).isEqualTo(201);

            ILoggingEvent line = log.single(m -> m.startsWith("POST /api/customers 201 "));
            String traceId = line.getFormattedMessage().replaceAll(".* trace=([0-9a-f]{32})$", "$1");
            assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(TRACE_ID);
            assertThat(serverSpan(traceId).getParentSpanContext().isValid()).isFalse();
        }
    }

    @Test
    void openTelemetrysServerFilterRunsWhenAnExporterIsNamed() {
        assertThat(context.getBeansOfType(io.micronaut.http.filter.HttpServerFilter.class))
                .anyMatch(filter -> filter instanceof io.micronaut.tracing.opentelemetry.instrument.http.server.OpenTelemetryServerFilter)
                .noneMatch(filter -> filter.getClass().getSimpleName().equals("UntracedRequests"));
    }

    @Test
    void probesAndScrapesAreNotTraced() throws Exception {
        assertThat(api.withoutKey().get("/health").status()).isEqualTo(200);
        assertThat(api.withoutKey().get("/metrics").status()).isEqualTo(200);
        assertThat(api.get("/api/customers").status()).isEqualTo(200);

        serverSpanNamed("GET /api/customers");
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName)
                .noneMatch(name -> name.contains("/health") || name.contains("/metrics"));
    }

    private void serverSpanNamed(String name) throws InterruptedException {
        for (int i = 0; i < 200 && spans.getFinishedSpanItems().stream().noneMatch(s -> s.getName().equals(name)); i++) {
            Thread.sleep(10);
        }
        assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getName).contains(name);
    }

    private SpanData serverSpan(String traceId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).toList();
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                return found.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no server span of trace " + traceId + " in " + spans.getFinishedSpanItems());
    }
}
