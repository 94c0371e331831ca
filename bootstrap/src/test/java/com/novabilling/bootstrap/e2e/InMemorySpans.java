package com.novabilling.bootstrap.e2e;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Singleton;

/** Finished spans kept in memory (opentelemetry-sdk-testing), for the tracing test only. */
@Factory
@Requires(property = InMemorySpans.ENABLED, value = "true")
class InMemorySpans {

    static final String ENABLED = "test.tracing.in-memory";

    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    @Singleton
    SpanProcessor processor(InMemorySpanExporter exporter) {
        return SimpleSpanProcessor.create(exporter);
    }
}
