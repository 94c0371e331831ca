package com.novabilling.bootstrap.observability;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.tracing.opentelemetry.instrument.http.server.OpenTelemetryServerFilter;
import org.reactivestreams.Publisher;

/**
 * With tracing off (no exporter named in {@code otel.traces.exporter}, see {@link TracingSwitch}), OpenTelemetry's
 * server filter is replaced by this one, which only passes the request on. With the {@code always_off} sampler
 * that filter recorded nothing, yet it ran on every request: HTTP attributes extracted, the {@code traceparent}
 * header parsed, a context built and propagated (JFR of the GET-by-id benchmark: {@code Instrumenter.doStartImpl},
 * {@code HttpCommonAttributesExtractor}, {@code MultiTextMapPropagator.extract} among the top frames). With an
 * exporter named, this bean does not exist and OpenTelemetry's filter traces every request as before.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
@Replaces(OpenTelemetryServerFilter.class)
@Requires(condition = UntracedRequests.TracingOff.class)
final class UntracedRequests implements HttpServerFilter {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return chain.proceed(request);
    }

    /** True when no exporter is named: the same test as {@link TracingSwitch} and the access log's. */
    static final class TracingOff implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return !TracingSwitch.exports(context.getProperty("otel.traces.exporter", String.class).orElse(null));
        }
    }
}
