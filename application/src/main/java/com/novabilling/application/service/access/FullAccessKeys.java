package com.novabilling.application.service.access;

import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.ApiKeySecret;
import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.EnumSet;
import java.util.random.RandomGenerator;

/** Issues and stores a non-expiring key holding every scope: a new tenant's first key, the operator's key. */
final class FullAccessKeys {

    private FullAccessKeys() {
    }

    static IssuedApiKey issue(ApiKeyStore keys, TenantId tenantId, String name, ApiKeySecret secret, Instant now,
                              RandomGenerator random) {
        IssuedApiKey issued = ApiKey.issue(tenantId, name, EnumSet.allOf(Scope.class), null, secret, now, random);
        keys.insert(issued.key());
        return issued;
    }
}
