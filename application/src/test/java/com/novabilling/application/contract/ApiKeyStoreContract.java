package com.novabilling.application.contract;

import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.ApiKeySecret;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.access.TenantStatus;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every API key store must do (the {@link ApiKeyStore} out-port). Keys belong to stored tenants, so
 * the suite creates them through the same adapter's {@link TenantStore}.
 */
public abstract class ApiKeyStoreContract {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");
    private final java.security.SecureRandom random = new java.security.SecureRandom();
    protected TenantId tenant;
    protected TenantId otherTenant;

    protected abstract ApiKeyStore keys();

    protected abstract TenantStore tenants();

    @BeforeEach
    void tenants_() {
        tenant = newTenant(TenantStatus.ACTIVE);
        otherTenant = newTenant(TenantStatus.ACTIVE);
    }

    private TenantId newTenant(TenantStatus status) {
        TenantId id = new TenantId("ten_" + UUID.randomUUID().toString().replace("-", ""));
        tenants().insertIfAbsent(Tenant.restore(id, "Tenant " + id.value(), CurrencyCode.USD, status, T0));
        return id;
    }

    private ApiKey issued(TenantId tenantId, String name, Instant at, Set<Scope> scopes, Instant expiresAt) {
        ApiKey key = ApiKey.issue(tenantId, name, scopes, expiresAt, ApiKeySecret.generate(random), at, random).key();
        keys().insert(key);
        return key;
    }

    private ApiKey issued(TenantId tenantId, String name, Instant at) {
        return issued(tenantId, name, at, EnumSet.of(Scope.CUSTOMERS_READ), null);
    }

    @Test
    void storedKeyReadsBackWithEveryField() {
        Instant expires = T0.plusSeconds(86_400);
        ApiKey key = issued(tenant, "CI pipeline", T0, EnumSet.of(Scope.CUSTOMERS_READ, Scope.API_KEYS_WRITE), expires);

        ApiKey read = keys().find(tenant, key.id()).orElseThrow();

        assertThat(read.id()).isEqualTo(key.id());
        assertThat(read.tenantId()).isEqualTo(tenant);
        assertThat(read.name()).isEqualTo("CI pipeline");
        assertThat(read.scopes()).containsExactlyInAnyOrder(Scope.CUSTOMERS_READ, Scope.API_KEYS_WRITE);
        assertThat(read.displayPrefix()).isEqualTo(key.displayPrefix());
        assertThat(read.secretSha256()).isEqualTo(key.secretSha256());
        assertThat(read.createdAt()).isEqualTo(key.createdAt());
        assertThat(read.expiresAt()).contains(expires);
        assertThat(read.lastUsedAt()).isEmpty();
        assertThat(read.revokedAt()).isEmpty();
    }

    @Test
    void foundByTheHashOfItsSecret() {
        ApiKey key = issued(tenant, "default", T0);
        issued(otherTenant, "other", T0);

        assertThat(keys().findBySecretSha256(key.secretSha256())).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(key.id());
            assertThat(found.tenantId()).isEqualTo(tenant);
        });
        assertThat(keys().findBySecretSha256(new byte[32])).isEmpty();
    }

    @Test
    void keysOfASuspendedTenantAreNotFoundByHash() {
        TenantId suspended = newTenant(TenantStatus.SUSPENDED);
        ApiKey key = issued(suspended, "dormant", T0);

        assertThat(keys().findBySecretSha256(key.secretSha256())).isEmpty();
        assertThat(keys().find(suspended, key.id())).isPresent();
    }

    @Test
    void lookupsAreScopedToTheTenant() {
        ApiKey key = issued(tenant, "mine", T0);

        assertThat(keys().find(otherTenant, key.id())).isEmpty();
        assertThat(keys().list(otherTenant)).isEmpty();
        assertThat(keys().find(tenant, ApiKeyId.generate(T0, random))).isEmpty();
    }

    @Test
    void listIsNewestFirstWithTheIdBreakingTies() {
        ApiKey old = issued(tenant, "old", T0);
        ApiKey tieA = issued(tenant, "tie a", T0.plusSeconds(60));
        ApiKey tieB = issued(tenant, "tie b", T0.plusSeconds(60));
        ApiKey newest = issued(tenant, "new", T0.plusSeconds(120));
        issued(otherTenant, "elsewhere", T0.plusSeconds(500));

        ApiKey[] ties = tieA.id().value().compareTo(tieB.id().value()) > 0
                ? new ApiKey[] {tieA, tieB} : new ApiKey[] {tieB, tieA};
        assertThat(keys().list(tenant)).extracting(ApiKey::id)
                .containsExactly(newest.id(), ties[0].id(), ties[1].id(), old.id());
    }

    @Test
    void revocationIsSaved() {
        ApiKey key = issued(tenant, "to revoke", T0);
        ApiKey loaded = keys().find(tenant, key.id()).orElseThrow();
        loaded.revoke(T0.plusSeconds(30));

        keys().saveRevocation(loaded);

        assertThat(keys().find(tenant, key.id()).orElseThrow().revokedAt()).contains(T0.plusSeconds(30));
        assertThat(keys().findBySecretSha256(key.secretSha256()).orElseThrow().isUsableAt(T0.plusSeconds(31))).isFalse();
    }

    @Test
    void useIsRecordedOnThatKeyOnly() {
        ApiKey used = issued(tenant, "used", T0);
        ApiKey idle = issued(tenant, "idle", T0);

        keys().recordUse(tenant, used.id(), T0.plusSeconds(90));
        keys().recordUse(otherTenant, idle.id(), T0.plusSeconds(95));

        assertThat(keys().find(tenant, used.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(90));
        assertThat(keys().find(tenant, idle.id()).orElseThrow().lastUsedAt()).isEmpty();
    }

    @Test
    void aChangeToAKeyReadBackIsNotStoredUntilSaved() {
        ApiKey key = issued(tenant, "held", T0);
        ApiKey loaded = keys().find(tenant, key.id()).orElseThrow();

        loaded.revoke(T0.plusSeconds(5));

        assertThat(keys().find(tenant, key.id()).orElseThrow().revokedAt()).isEmpty();
    }
}
