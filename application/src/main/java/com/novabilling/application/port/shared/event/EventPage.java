package com.novabilling.application.port.shared.event;

import com.novabilling.domain.event.Event;

import java.util.List;

/** Events newest first; {@code hasMore} when older ones match too (pass the last id as the next cursor). */
public record EventPage(List<Event> data, boolean hasMore) {

    public EventPage {
        data = List.copyOf(data);
    }
}
