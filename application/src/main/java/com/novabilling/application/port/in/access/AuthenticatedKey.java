package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.ApiKeyId;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.TenantId;

import java.util.Set;

public record AuthenticatedKey(TenantId tenantId, ApiKeyId keyId, Set<Scope> scopes) {

    public AuthenticatedKey {
        scopes = Set.copyOf(scopes);
    }
}
