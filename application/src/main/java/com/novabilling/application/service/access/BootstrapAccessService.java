package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.BootstrapAccessUseCase;
import com.novabilling.application.port.in.access.ProvisionedTenant;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.application.port.out.access.TenantStore;
import com.novabilling.domain.access.ApiKeySecret;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.shared.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

public final class BootstrapAccessService implements BootstrapAccessUseCase {

    public static final TenantId DEFAULT_TENANT = new TenantId("default");

    private final TenantStore tenants;
    private final ApiKeyStore keys;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public BootstrapAccessService(TenantStore tenants, ApiKeyStore keys, Clock clock, RandomGenerator secureRandom) {
        this.tenants = tenants;
        this.keys = keys;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public void ensureOperatorKey(ApiKeySecret secret) {
        Instant now = clock.instant();
        tenants.insertIfAbsent(Tenant.open(DEFAULT_TENANT, "default", null, now));
        if (keys.findBySecretSha256(secret.sha256()).isEmpty()) {
            FullAccessKeys.issue(keys, DEFAULT_TENANT, "bootstrap", secret, now, secureRandom);
        }
    }

    @Override
    public Optional<ProvisionedTenant> provisionFirstTenantIfNone() {
        if (tenants.anyExists()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Tenant tenant = Tenant.open(DEFAULT_TENANT, "default", null, now);
        if (!tenants.insertIfAbsent(tenant)) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionedTenant(tenant,
                FullAccessKeys.issue(keys, tenant.id(), "default", ApiKeySecret.generate(secureRandom), now, secureRandom)));
    }
}
