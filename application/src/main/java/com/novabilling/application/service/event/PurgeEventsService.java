package com.novabilling.application.service.event;

import com.novabilling.application.port.in.event.PurgeEventsUseCase;
import com.novabilling.application.port.out.event.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Deletes events older than the retention period ({@code NOVABILLING_EVENT_RETENTION}, 30 days by default). */
public final class PurgeEventsService implements PurgeEventsUseCase {

    private final EventStore events;
    private final Duration retention;
    private final Clock clock;

    public PurgeEventsService(EventStore events, Duration retention, Clock clock) {
        this.events = events;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = clock;
    }

    @Override
    public int purgeExpired(int batch) {
        return events.purgeCreatedBefore(clock.instant().minus(retention), batch);
    }
}
