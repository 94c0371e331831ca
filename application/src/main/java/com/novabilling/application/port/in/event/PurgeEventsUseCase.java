package com.novabilling.application.port.in.event;

public interface PurgeEventsUseCase {
    /** Deletes up to {@code batch} events older than the retention period (with their deliveries); returns how many. */
    int purgeExpired(int batch);
}
