package com.novabilling.domain.access;

import com.novabilling.domain.shared.DomainException;

/** No tenant has the id asked for (a malformed id included: it cannot name one). */
public final class TenantNotFoundException extends DomainException {

    public TenantNotFoundException() {
        super("No tenant has this id");
    }

    @Override
    public String code() {
        return "tenant_not_found";
    }
}
