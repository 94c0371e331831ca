package com.novabilling.application.service.event;

import com.novabilling.application.port.in.event.GetEventQuery;
import com.novabilling.application.port.in.event.ListEventsQuery;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.application.port.shared.event.EventPage;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventNotFoundException;
import com.novabilling.domain.shared.TenantId;

import java.util.List;

/** Reading a tenant's events: one, or a page newest first. */
public final class EventQueriesService implements ListEventsQuery, GetEventQuery {

    private final EventStore events;

    public EventQueriesService(EventStore events) {
        this.events = events;
    }

    @Override
    public EventPage list(EventListCriteria criteria) {
        List<Event> found = events.list(criteria);
        boolean hasMore = found.size() > criteria.limit();
        return new EventPage(hasMore ? found.subList(0, criteria.limit()) : found, hasMore);
    }

    @Override
    public Event get(TenantId tenantId, EventId eventId) {
        return events.find(tenantId, eventId).orElseThrow(() -> new EventNotFoundException(eventId.value()));
    }
}
