package com.novabilling.application.port.shared.event;

import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;

import java.util.Objects;

/** A page of a tenant's events: newest first, optionally of one type, after a cursor. */
public record EventListCriteria(TenantId tenantId, EventType typeOrNull, EventId startingAfterOrNull, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public EventListCriteria {
        Objects.requireNonNull(tenantId, "tenantId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainValidationException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
