package com.novabilling.application.service.access;

import com.novabilling.application.fake.InMemoryApiKeyStore;
import com.novabilling.application.fake.InMemoryTenantStore;
import com.novabilling.application.fake.MutableClock;
import com.novabilling.application.port.in.access.AuthenticatedKey;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's own rate limit reaches its keys' authentication, at once on this instance after a change. */
class TenantRateLimitTest {

    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final InMemoryTenantStore tenants = new InMemoryTenantStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiKeyCache cache = new ApiKeyCache(Duration.ofSeconds(10), 100);
    private final Random random = new Random(11);
    private final AuthenticateApiKeyService authenticate = new AuthenticateApiKeyService(keys, tenants, cache, clock);
    private final SetTenantRateLimitService setRateLimit = new SetTenantRateLimitService(tenants, cache);
    private final TenantId tenantId = new TenantId("ten_limited");

    private IssuedApiKey aKey() {
        tenants.insertIfAbsent(Tenant.open(tenantId, "Limited", CurrencyCode.USD, clock.instant()));
        return FullAccessKeys.issue(keys, tenantId, "k", com.novabilling.domain.access.ApiKeySecret.generate(random),
                clock.instant(), random);
    }

    @Test
    void aKeyOfATenantWithoutItsOwnLimitCarriesNone() {
        IssuedApiKey key = aKey();

        assertThat(authenticate.authenticate(key.secret().value()).flatMap(AuthenticatedKey::rateLimit)).isEmpty();
    }

    @Test
    void aNewLimitReachesTheTenantsCachedKeysAtOnce() {
        IssuedApiKey key = aKey();
        authenticate.authenticate(key.secret().value());
        int lookups = tenants.finds();

        var updated = setRateLimit.setRateLimit(tenantId, new RateLimit(5, 10));

        assertThat(updated).hasValueSatisfying(t -> assertThat(t.rateLimit()).contains(new RateLimit(5, 10)));
        assertThat(authenticate.authenticate(key.secret().value()).flatMap(AuthenticatedKey::rateLimit))
                .contains(new RateLimit(5, 10));
        authenticate.authenticate(key.secret().value());
        assertThat(tenants.finds() - lookups).as("read once after the change, then cached").isEqualTo(2);

        setRateLimit.setRateLimit(tenantId, null);
        assertThat(authenticate.authenticate(key.secret().value()).flatMap(AuthenticatedKey::rateLimit)).isEmpty();
    }

    @Test
    void anUnknownTenantIsEmptyAndChangesNothing() {
        assertThat(setRateLimit.setRateLimit(new TenantId("ten_nope"), new RateLimit(1, 1))).isEmpty();
        assertThat(tenants.anyExists()).isFalse();
    }
}
