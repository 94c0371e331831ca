package com.novabilling.application.port.in.access;

import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.shared.TenantId;

import java.util.List;

/** A tenant's keys, newest first, revoked ones included (never a secret). */
public interface ListApiKeysQuery {

    List<ApiKey> list(TenantId tenantId);
}
