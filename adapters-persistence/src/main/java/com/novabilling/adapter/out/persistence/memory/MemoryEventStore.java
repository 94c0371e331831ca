package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.application.port.out.event.EventStore;
import com.novabilling.application.port.shared.event.EventListCriteria;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in memory, with PostgreSQL's rules: newest first by id, purge takes the deliveries along. */
public final class MemoryEventStore implements EventStore {

    private final MemoryStore store;

    public MemoryEventStore(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void append(Event event) {
        store.write(() -> {
            if (!store.tenants.containsKey(event.tenantId().value())) {
                throw new IllegalStateException("event of a tenant that is not stored: " + event.tenantId());
            }
            RowKey key = new RowKey(event.tenantId().value(), event.id().value());
            if (store.events.containsKey(key)) {
                throw new IllegalStateException("an event with this id is stored: " + event.id());
            }
            store.events.put(key, event);
            store.undo(() -> store.events.remove(key));
            return null;
        });
    }

    @Override
    public Optional<Event> find(TenantId tenantId, EventId eventId) {
        return store.read(() -> Optional.ofNullable(store.events.get(new RowKey(tenantId.value(), eventId.value()))));
    }

    @Override
    public List<Event> list(EventListCriteria c) {
        return store.read(() -> store.events.values().stream()
                .filter(e -> e.tenantId().equals(c.tenantId()))
                .filter(e -> c.typeOrNull() == null || e.type() == c.typeOrNull())
                .filter(e -> c.startingAfterOrNull() == null
                        || e.id().value().compareTo(c.startingAfterOrNull().value()) < 0)
                .sorted(Comparator.comparing((Event e) -> e.id().value()).reversed())
                .limit(c.limit() + 1L)
                .toList());
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff, int batch) {
        return store.write(() -> {
            List<Map.Entry<RowKey, Event>> old = store.events.entrySet().stream()
                    .filter(e -> e.getValue().createdAt().isBefore(cutoff)).limit(batch).toList();
            for (Map.Entry<RowKey, Event> entry : old) {
                store.events.remove(entry.getKey());
                store.undo(() -> store.events.put(entry.getKey(), entry.getValue()));
                MemoryDeliveryStore.removeDeliveries(store, d -> d.tenantId().equals(entry.getKey().tenantId())
                        && d.eventId().equals(entry.getKey().id()));
            }
            return old.size();
        });
    }
}
