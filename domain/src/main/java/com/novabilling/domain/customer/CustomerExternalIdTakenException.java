package com.novabilling.domain.customer;

import com.novabilling.domain.shared.DomainException;
import java.util.Objects;

/** Another customer of the tenant already has this external id. */
public final class CustomerExternalIdTakenException extends DomainException {

    public static final String CODE = "customer_external_id_taken";

    private final ExternalId externalId;

    public CustomerExternalIdTakenException(ExternalId externalId) {
        super("A customer with external id " + Objects.requireNonNull(externalId, "externalId").value()
                + " already exists");
        this.externalId = externalId;
    }

    public ExternalId externalId() {
        return externalId;
    }

    @Override
    public String code() {
        return CODE;
    }
}
