package com.novabilling.domain.event;

import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a tenant's data, as it is shown by the events API and sent to webhook
 * endpoints: {@code body} is the event's JSON document, rendered once when the change was made (in the
 * same transaction), so every reader and every delivery sees the same bytes and a later change of the
 * customer cannot alter what an event says.
 */
public record Event(EventId id, TenantId tenantId, EventType type, Instant createdAt, String body) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(body, "body");
    }
}
