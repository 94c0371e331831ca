package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A key to issue: {@code grantorScopes} are the scopes of the key asking, which bound what it may grant.
 * {@code expiresAt} is null for a key that does not expire.
 */
public record CreateApiKeyCommand(TenantId tenantId, String name, Set<Scope> scopes, Instant expiresAt,
                                  Set<Scope> grantorScopes) {

    public CreateApiKeyCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        grantorScopes = Set.copyOf(grantorScopes);
    }
}
