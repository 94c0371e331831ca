package com.novabilling.application.service.access;

import com.novabilling.application.port.in.access.ListApiKeysQuery;
import com.novabilling.application.port.out.access.ApiKeyStore;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.shared.TenantId;

import java.util.List;

public final class ListApiKeysService implements ListApiKeysQuery {

    private final ApiKeyStore keys;

    public ListApiKeysService(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return keys.list(tenantId);
    }
}
