package com.novabilling.domain.webhook;

import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The event types an endpoint receives: some types, or every type ({@code "*"}, also types added later). */
public record EventSelection(boolean all, Set<EventType> types) {

    public static final String ALL = "*";
    public static final int MAX_ENTRIES = 20;

    public EventSelection {
        types = all ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
        if (!all && types.isEmpty()) {
            throw new DomainValidationException("events", "must name at least one event type or \"*\"");
        }
    }

    public static EventSelection everything() {
        return new EventSelection(true, Set.of());
    }

    public static EventSelection of(EventType first, EventType... more) {
        return new EventSelection(false, EnumSet.of(first, more));
    }

    /** From the wire names ({@code ["customer.created", ...]} or {@code ["*"]}), every bad entry reported. */
    public static EventSelection parse(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new DomainValidationException("events", "must name at least one event type or \"*\"");
        }
        if (names.size() > MAX_ENTRIES) {
            throw new DomainValidationException("events", "must have at most " + MAX_ENTRIES + " entries");
        }
        List<Violation> violations = new ArrayList<>();
        boolean all = false;
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (ALL.equals(name)) {
                all = true;
            } else {
                var type = EventType.fromWire(name);
                if (type.isPresent()) {
                    types.add(type.get());
                } else {
                    violations.add(new Violation("events[" + i + "]",
                            "must be \"*\" or one of " + EventType.wireNames()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainValidationException(violations);
        }
        return new EventSelection(all, all ? Set.of() : types);
    }

    public boolean matches(EventType type) {
        return all || types.contains(type);
    }

    /** {@code ["*"]} or the types' wire names in declaration order. */
    public List<String> wireNames() {
        return all ? List.of(ALL) : types.stream().map(EventType::wireName).toList();
    }
}
