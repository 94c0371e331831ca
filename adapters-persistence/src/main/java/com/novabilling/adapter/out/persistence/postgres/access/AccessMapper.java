package com.novabilling.adapter.out.persistence.postgres.access;

import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.access.TenantStatus;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Tenants and API keys to and from their rows. */
final class AccessMapper {

    private AccessMapper() {
    }

    static TenantRow row(Tenant t) {
        RateLimit limit = t.rateLimit().orElse(null);
        return new TenantRow(t.id().value(), t.name(), t.defaultCurrency().value(), t.status().wireName(), t.createdAt(),
                limit == null ? null : Math.toIntExact(limit.perSecond()), limit == null ? null : Math.toIntExact(limit.burst()));
    }

    static Tenant tenant(TenantRow row) {
        RateLimit limit = row.rateLimitPerSecond() == null || row.rateLimitBurst() == null ? null
                : new RateLimit(row.rateLimitPerSecond(), row.rateLimitBurst());
        return Tenant.restore(new TenantId(row.id()), row.name(), new CurrencyCode(row.defaultCurrency()),
                TenantStatus.fromWire(row.status()), row.createdAt(), limit);
    }

    static ApiKeyRow row(ApiKey k) {
        return new ApiKeyRow(new ApiKeyKey(k.tenantId().value(), k.id().value()), k.name(), k.secretSha256(),
                k.displayPrefix(), k.scopes().stream().map(Scope::wireName).sorted().toArray(String[]::new),
                k.createdAt(), k.lastUsedAt().orElse(null), k.expiresAt().orElse(null), k.revokedAt().orElse(null));
    }

    static ApiKey apiKey(ApiKeyRow row) {
        Set<Scope> scopes = Arrays.stream(row.scopes())
                .map(s -> Scope.fromWire(s).orElseThrow(() -> new IllegalStateException("unknown scope in store: " + s)))
                .collect(Collectors.toSet());
        return ApiKey.restore(new ApiKeyId(row.key().id()), new TenantId(row.key().tenantId()), row.name(), scopes,
                row.displayPrefix(), row.secretSha256(), row.createdAt(), row.lastUsedAt(), row.expiresAt(),
                row.revokedAt());
    }
}
