package com.novabilling.application.port.out.event;

import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox: events appended in the transaction of the change they describe, kept for the retention period. */
public interface EventStore {

    /** Adds the event; part of the caller's transaction, so a rollback leaves no event. */
    void append(Event event);

    Optional<Event> find(TenantId tenantId, EventId eventId);

    /**
     * Newest first (by id, which sorts by creation time), of one type if the criteria name one, only events
     * older than {@code startingAfter} if given; at most {@code criteria.limit() + 1} events, so the caller
     * knows whether there are more.
     */
    List<Event> list(EventListCriteria criteria);

    /** Deletes up to {@code batch} events created before {@code cutoff}, with their deliveries; returns how many. */
    int purgeCreatedBefore(Instant cutoff, int batch);
}
