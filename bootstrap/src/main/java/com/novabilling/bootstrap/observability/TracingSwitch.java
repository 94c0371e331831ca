package com.novabilling.bootstrap.observability;

import io.micronaut.tracing.opentelemetry.OpenTelemetryBuilderCustomizer;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Map;

/**
 * Tracing is off unless an exporter is named ({@code OTEL_TRACES_EXPORTER=otlp}, with the other standard
 * {@code OTEL_*} variables for the endpoint, service name, sampler...). With no exporter, and no sampler
 * chosen, the sampler is {@code always_off}: spans are not recorded, and the access log shows no trace id.
 */
@Singleton
final class TracingSwitch implements OpenTelemetryBuilderCustomizer {

    /** Whether this {@code otel.traces.exporter} value names at least one exporter. */
    static boolean exports(String tracesExporter) {
        return tracesExporter != null && Arrays.stream(tracesExporter.split(","))
                .map(String::strip)
                .anyMatch(exporter -> !exporter.isEmpty() && !"none".equalsIgnoreCase(exporter));
    }

    @Override
    public void configure(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(config ->
                !exports(config.getString("otel.traces.exporter")) && config.getString("otel.traces.sampler") == null
                        ? Map.of("otel.traces.sampler", "always_off")
                        : Map.of());
    }
}
