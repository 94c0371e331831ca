package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;
import java.util.Set;

/** A valid key: its tenant, id and scopes, and the tenant's own rate limit when it has one. */
public record AuthenticatedKey(TenantId tenantId, ApiKeyId keyId, Set<Scope> scopes, Optional<RateLimit> rateLimit) {

    public AuthenticatedKey {
        scopes = Set.copyOf(scopes);
        rateLimit = rateLimit == null ? Optional.empty() : rateLimit;
    }

    /** A key of a tenant without a rate limit of its own. */
    public AuthenticatedKey(TenantId tenantId, ApiKeyId keyId, Set<Scope> scopes) {
        this(tenantId, keyId, scopes, Optional.empty());
    }
}
