package com.novabilling.application.port.shared.customer;

import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A customer whose maintained billing totals differ from the totals recomputed from its billing records:
 * {@code stored*} as kept on the customer, {@code actual*} as the invoices and subscriptions say.
 */
public record BillingTotalsMismatch(TenantId tenantId, CustomerId customerId, CurrencyCode currency,
                                    BigDecimal storedTotalSpent, long storedActiveSubscriptions,
                                    BigDecimal actualTotalSpent, long actualActiveSubscriptions) {

    public BillingTotalsMismatch {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(storedTotalSpent, "storedTotalSpent");
        Objects.requireNonNull(actualTotalSpent, "actualTotalSpent");
    }
}
