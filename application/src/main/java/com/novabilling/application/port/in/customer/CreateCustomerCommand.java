package com.novabilling.application.port.in.customer;

import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.TenantId;

import java.util.Objects;

/**
 * A new customer, built from value objects and so valid by construction. Optional parts are {@code null}
 * when not given: {@code currency} then defaults to the tenant's default currency, {@code status} to
 * active and {@code metadata} to empty.
 */
public record CreateCustomerCommand(
        TenantId tenantId,
        Email email,
        CustomerName name,
        ExternalId externalId,
        CountryCode country,
        CurrencyCode currency,
        CustomerStatus status,
        Metadata metadata) {

    public CreateCustomerCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        status = status == null ? CustomerStatus.ACTIVE : status;
        metadata = metadata == null ? Metadata.empty() : metadata;
    }
}
