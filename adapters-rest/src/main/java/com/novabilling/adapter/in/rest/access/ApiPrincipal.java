package com.novabilling.adapter.in.rest.access;

import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.TenantId;

import java.util.Set;

/**
 * Who is calling: the tenant and scopes of the API key that authenticated the request. The
 * authentication filter puts it in the request under {@link #ATTRIBUTE}; controllers take it as a plain
 * method parameter (see {@link ApiPrincipalBinder}).
 */
public record ApiPrincipal(TenantId tenantId, String apiKeyId, Set<Scope> scopes) {

    public static final String ATTRIBUTE = "novabilling.principal";

    public ApiPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
