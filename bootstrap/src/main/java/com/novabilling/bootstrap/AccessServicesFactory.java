package com.novabilling.bootstrap;

import com.novabilling.application.port.in.access.AuthenticateApiKeyQuery;
import com.novabilling.application.port.in.access.BootstrapAccessUseCase;
import com.novabilling.application.port.in.access.CreateApiKeyUseCase;
import com.novabilling.application.port.in.access.CreateTenantUseCase;
import com.novabilling.application.port.in.access.ListApiKeysQuery;
import com.novabilling.application.port.in.access.RevokeApiKeyUseCase;
import com.novabilling.application.port.in.access.SetTenantRateLimitUseCase;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.service.access.ApiKeyCache;
import com.novabilling.application.service.access.AuthenticateApiKeyService;
import com.novabilling.application.service.access.BootstrapAccessService;
import com.novabilling.application.service.access.CreateApiKeyService;
import com.novabilling.application.service.access.CreateTenantService;
import com.novabilling.application.service.access.ListApiKeysService;
import com.novabilling.application.service.access.RevokeApiKeyService;
import com.novabilling.application.service.access.SetTenantRateLimitService;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import com.novabilling.adapter.out.persistence.postgres.TrackCommits;
import com.novabilling.adapter.out.persistence.postgres.TranslateStoreFailures;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Creates the access use cases (tenants and API keys); writes run in one transaction each. */
@Factory
class AccessServicesFactory {

    private static final int MAX_CACHED_KEYS = 10_000;

    @Singleton
    ApiKeyCache apiKeyCache(@Value("${novabilling.api-key-cache-ttl:10s}") Duration ttl) {
        return new ApiKeyCache(ttl, MAX_CACHED_KEYS);
    }

    @Singleton
    AuthenticateApiKeyQuery authenticateApiKey(ApiKeyStore keys, TenantStore tenants, ApiKeyCache cache, Clock clock) {
        return new AuthenticateApiKeyService(keys, tenants, cache, clock);
    }

    @Singleton
    @Transactional
    SetTenantRateLimitUseCase setTenantRateLimit(TenantStore tenants, ApiKeyCache cache) {
        return new SetTenantRateLimitService(tenants, cache);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    CreateApiKeyUseCase createApiKey(ApiKeyStore keys, Clock clock, RandomGenerator random) {
        return new CreateApiKeyService(keys, clock, random);
    }

    @Singleton
    ListApiKeysQuery listApiKeys(ApiKeyStore keys) {
        return new ListApiKeysService(keys);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    RevokeApiKeyUseCase revokeApiKey(ApiKeyStore keys, ApiKeyCache cache, Clock clock) {
        return new RevokeApiKeyService(keys, cache, clock);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    CreateTenantUseCase createTenant(TenantStore tenants, ApiKeyStore keys, Clock clock,
                                     RandomGenerator random) {
        return new CreateTenantService(tenants, keys, clock, random);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    BootstrapAccessUseCase bootstrapAccess(TenantStore tenants, ApiKeyStore keys, Clock clock,
                                           RandomGenerator random) {
        return new BootstrapAccessService(tenants, keys, clock, random);
    }
}
