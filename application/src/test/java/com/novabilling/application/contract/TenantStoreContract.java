package com.novabilling.application.contract;

import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.access.TenantStatus;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every tenant store must do (the {@link TenantStore} and {@link TenantDefaults} out-ports). A new
 * adapter extends this class in its tests and says where its store is; see README "Write your own adapter".
 */
public abstract class TenantStoreContract {

    /** The store under test; it may hold tenants of other tests. */
    protected abstract TenantStore tenants();

    /** The same store's view of tenant defaults. */
    protected abstract TenantDefaults tenantDefaults();

    /** A store of the same kind that holds no tenant at all. */
    protected abstract TenantStore emptyTenantStore();

    private static TenantId newId() {
        return new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static Tenant tenant(TenantId id, String name, String currency, TenantStatus status) {
        return Tenant.restore(id, name, CurrencyCode.of(currency), status, Instant.parse("2025-03-01T10:00:00.123Z"));
    }

    @Test
    void storedTenantReadsBackWithEveryField() {
        TenantId id = newId();

        assertThat(tenants().insertIfAbsent(tenant(id, "Kampala Tech", "UGX", TenantStatus.SUSPENDED))).isTrue();

        Tenant read = tenants().find(id).orElseThrow();
        assertThat(read.id()).isEqualTo(id);
        assertThat(read.name()).isEqualTo("Kampala Tech");
        assertThat(read.defaultCurrency()).isEqualTo(CurrencyCode.of("UGX"));
        assertThat(read.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
        assertThat(read.rateLimit()).isEmpty();
    }

    @Test
    void insertIfAbsentLeavesAStoredTenantAlone() {
        TenantId id = newId();
        tenants().insertIfAbsent(tenant(id, "First", "KES", TenantStatus.ACTIVE));

        assertThat(tenants().insertIfAbsent(tenant(id, "Second", "NGN", TenantStatus.SUSPENDED))).isFalse();

        Tenant read = tenants().find(id).orElseThrow();
        assertThat(read.name()).isEqualTo("First");
        assertThat(read.defaultCurrency()).isEqualTo(CurrencyCode.of("KES"));
        assertThat(read.status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void rateLimitIsStoredChangedAndCleared() {
        TenantId id = newId();
        tenants().insertIfAbsent(Tenant.restore(id, "Limited", CurrencyCode.USD, TenantStatus.ACTIVE,
                Instant.parse("2025-03-01T10:00:00.123Z"), new RateLimit(5, 20)));
        assertThat(tenants().find(id).orElseThrow().rateLimit()).contains(new RateLimit(5, 20));

        assertThat(tenants().updateRateLimit(id, new RateLimit(100_000, 1_000_000))).isTrue();
        assertThat(tenants().find(id).orElseThrow().rateLimit()).contains(new RateLimit(100_000, 1_000_000));

        assertThat(tenants().updateRateLimit(id, null)).isTrue();
        Tenant cleared = tenants().find(id).orElseThrow();
        assertThat(cleared.rateLimit()).isEmpty();
        assertThat(cleared.name()).isEqualTo("Limited");
        assertThat(tenants().updateRateLimit(newId(), new RateLimit(1, 1))).isFalse();
    }

    @Test
    void unknownTenantIsAbsent() {
        assertThat(tenants().find(newId())).isEmpty();
    }

    @Test
    void anyExistsTellsAnEmptyStoreFromAnother() {
        TenantStore empty = emptyTenantStore();
        assertThat(empty.anyExists()).isFalse();

        empty.insertIfAbsent(tenant(newId(), "Only", "USD", TenantStatus.ACTIVE));

        assertThat(empty.anyExists()).isTrue();
    }

    @Test
    void defaultCurrencyIsTheTenantsOrUsdForAnUnknownTenant() {
        TenantId id = newId();
        tenants().insertIfAbsent(tenant(id, "Lagos Ltd", "NGN", TenantStatus.ACTIVE));

        assertThat(tenantDefaults().defaultCurrency(id)).isEqualTo(CurrencyCode.of("NGN"));
        assertThat(tenantDefaults().defaultCurrency(newId())).isEqualTo(CurrencyCode.USD);
    }
}
