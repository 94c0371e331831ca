package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.IssuedApiKey;
import com.novabilling.domain.access.Tenant;

public record ProvisionedTenant(Tenant tenant, IssuedApiKey apiKey) {
}
