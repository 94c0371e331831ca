package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.AuthenticateApiKeyQuery;
import com.novabilling.application.port.in.access.AuthenticatedKey;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeySecret;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bearer secret to tenant and scopes. Malformed, unknown, revoked and expired secrets all come back
 * empty, so the caller cannot tell them apart. The last-used time is written at most once a minute per
 * key. The key's tenant's own rate limit, if any, is read with the key and cached with it, so a change
 * reaches other instances within the cache's time to live.
 */
public final class AuthenticateApiKeyService implements AuthenticateApiKeyQuery {

    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyStore keys;
    private final TenantStore tenants;
    private final ApiKeyCache cache;
    private final Clock clock;

    public AuthenticateApiKeyService(ApiKeyStore keys, TenantStore tenants, ApiKeyCache cache, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedKey> authenticate(String presentedSecret) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presentedSecret);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] sha256 = secret.get().sha256();
        ApiKeyCache.Entry entry = cache.fresh(sha256, now).orElseGet(() -> {
            Optional<ApiKey> loaded = keys.findBySecretSha256(sha256);
            Instant lastUse = loaded.flatMap(ApiKey::lastUsedAt).orElse(Instant.EPOCH);
            Optional<RateLimit> tenantLimit = loaded.filter(k -> k.isUsableAt(now))
                    .flatMap(k -> tenants.find(k.tenantId()))
                    .flatMap(Tenant::rateLimit);
            ApiKeyCache.Entry fresh = new ApiKeyCache.Entry(loaded, tenantLimit, now, lastUse);
            cache.put(sha256, fresh);
            return fresh;
        });
        Optional<ApiKey> key = entry.key().filter(k -> k.isUsableAt(now));
        key.ifPresent(k -> recordUse(sha256, entry, k, now));
        return key.map(k -> new AuthenticatedKey(k.tenantId(), k.id(), k.scopes(), entry.tenantLimit()));
    }

    /**
     * A usable key from a fresh cache entry whose last use was recorded within the last minute: no store
     * access at all. Anything else (not cached, expired entry, unknown or unusable key, a last-use write due)
     * is left to {@link #authenticate}, which gives the definitive answer.
     */
    @Override
    public Optional<AuthenticatedKey> authenticateFromMemory(String presentedSecret) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presentedSecret);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKeyCache.Entry> entry = cache.freshWithoutCounting(secret.get().sha256(), now);
        if (entry.isEmpty() || !entry.get().lastRecordedUse().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return Optional.empty();
        }
        Optional<ApiKey> key = entry.get().key().filter(k -> k.isUsableAt(now));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        cache.countHit();
        ApiKey k = key.get();
        return Optional.of(new AuthenticatedKey(k.tenantId(), k.id(), k.scopes(), entry.get().tenantLimit()));
    }

    private void recordUse(byte[] sha256, ApiKeyCache.Entry entry, ApiKey key, Instant now) {
        if (entry.lastRecordedUse().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        cache.put(sha256, new ApiKeyCache.Entry(entry.key(), entry.tenantLimit(), entry.loadedAt(), now));
        keys.recordUse(key.tenantId(), key.id(), now);
    }
}
