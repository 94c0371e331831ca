package com.novabilling.application.port.in.event;

import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;

public interface GetEventQuery {
    /** The event; {@code EventNotFoundException} when the tenant has none with this id. */
    Event get(TenantId tenantId, EventId eventId);
}
