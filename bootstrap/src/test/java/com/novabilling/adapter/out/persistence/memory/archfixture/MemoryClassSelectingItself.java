package com.novabilling.adapter.out.persistence.memory.archfixture;

import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Deliberately makes an out-port implementation a bean choosing itself by configuration, bootstrap's job (test fixture). */
@Singleton
@Requires(property = "novabilling.persistence", value = "never-set-by-any-test")
public class MemoryClassSelectingItself implements TenantDefaults {

    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        return CurrencyCode.USD;
    }
}
