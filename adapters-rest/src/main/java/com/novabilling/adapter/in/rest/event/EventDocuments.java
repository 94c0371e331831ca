package com.novabilling.adapter.in.rest.event;

import com.novabilling.adapter.in.rest.customer.CustomerResponse;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes event documents ({@link EventResponse}) with the API's own JSON mapping, so {@code data.object} is
 * byte for byte what {@code GET /api/customers/{id}} shows. {@code previousAttributes} is the difference of the
 * two rendered customers: every top-level field whose JSON differs, with its old value, except {@code updatedAt}
 * (it moves with every change); a new currency also changes {@code totalSpent}, so that appears too.
 */
public final class EventDocuments {

    private static final Set<String> NOT_ATTRIBUTES = Set.of("updatedAt");

    private final JsonMapper json;

    public EventDocuments(JsonMapper json) {
        this.json = json;
    }

    public String customerCreated(EventId id, Instant at, CustomerView customer) {
        return write(new EventResponse(id.value(), EventType.CUSTOMER_CREATED.wireName(), Timestamps.format(at),
                new EventResponse.Data(CustomerResponse.from(customer), null, null, null)));
    }

    public String customerUpdated(EventId id, Instant at, CustomerView after, CustomerView before) {
        CustomerResponse now = CustomerResponse.from(after);
        return write(new EventResponse(id.value(), EventType.CUSTOMER_UPDATED.wireName(), Timestamps.format(at),
                new EventResponse.Data(now, previousAttributes(CustomerResponse.from(before), now), null, null)));
    }

    public String customerDeleted(EventId id, Instant at, CustomerView last, int canceledSubscriptions,
                                  int voidedInvoices) {
        return write(new EventResponse(id.value(), EventType.CUSTOMER_DELETED.wireName(), Timestamps.format(at),
                new EventResponse.Data(CustomerResponse.from(last), null, canceledSubscriptions, voidedInvoices)));
    }

    private JsonNode previousAttributes(CustomerResponse before, CustomerResponse after) {
        JsonNode old = tree(before);
        JsonNode now = tree(after);
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : old.entries()) {
            if (NOT_ATTRIBUTES.contains(field.getKey())) {
                continue;
            }
            JsonNode current = now.get(field.getKey());
            if (current == null || !write(field.getValue()).equals(write(current))) {
                changed.put(field.getKey(), field.getValue());
            }
        }
        return JsonNode.createObjectNode(changed);
    }

    private JsonNode tree(Object value) {
        try {
            return json.writeValueToTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
