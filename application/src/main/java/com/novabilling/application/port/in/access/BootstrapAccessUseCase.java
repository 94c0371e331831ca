package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.ApiKeySecret;

import java.util.Optional;

/** What the app does about access when it starts. */
public interface BootstrapAccessUseCase {

    /** Ensures the tenant {@code default} exists and holds {@code secret} as a key with every scope. */
    void ensureOperatorKey(ApiKeySecret secret);

    /** On an empty database, opens a first tenant with a key holding every scope; empty otherwise. */
    Optional<ProvisionedTenant> provisionFirstTenantIfNone();
}
