package com.novabilling.bootstrap.observability;

import com.novabilling.application.service.access.ApiKeyCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/**
 * The API-key cache's lookups as {@code novabilling_api_key_cache_lookups_total{result="hit"|"miss"}}. The
 * cache (application) only counts; this binder reads its counters at scrape time.
 */
@Singleton
final class ApiKeyCacheMetrics implements MeterBinder {

    static final String NAME = "novabilling.api.key.cache.lookups";

    private final ApiKeyCache cache;

    ApiKeyCacheMetrics(ApiKeyCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(NAME, cache, ApiKeyCache::hits)
                .description("API key lookups answered from the in-memory cache")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder(NAME, cache, ApiKeyCache::misses)
                .description("API key lookups that went to the database")
                .tag("result", "miss")
                .register(registry);
    }
}
