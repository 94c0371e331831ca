package com.novabilling.application.port.in.customer;

import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.TenantId;

import java.util.Objects;

/**
 * A partial update. A {@code null} component means "leave unchanged". Required fields ({@code email},
 * {@code name}, {@code currency}, {@code status}, {@code metadata}) can only be replaced; the optional
 * ones ({@code externalId}, {@code country}) take a {@link Change}, which may also clear them.
 */
public record UpdateCustomerCommand(
        TenantId tenantId,
        CustomerId customerId,
        Email email,
        CustomerName name,
        Change<ExternalId> externalId,
        Change<CountryCode> country,
        CurrencyCode currency,
        CustomerStatus status,
        Metadata metadata) {

    public UpdateCustomerCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(customerId, "customerId");
    }

    /** True when the update names no field at all (an empty JSON object). */
    public boolean changesNothing() {
        return email == null && name == null && externalId == null && country == null && currency == null
                && status == null && metadata == null;
    }
}
