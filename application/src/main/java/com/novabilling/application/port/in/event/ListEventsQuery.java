package com.novabilling.application.port.in.event;

import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.application.port.shared.event.EventPage;

public interface ListEventsQuery {
    EventPage list(EventListCriteria criteria);
}
