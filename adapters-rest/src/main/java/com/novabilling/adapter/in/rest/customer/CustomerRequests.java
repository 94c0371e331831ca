package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.json.JsonFields;
import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.application.port.in.customer.Change;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.in.customer.UpdateCustomerCommand;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.TenantId;
import io.micronaut.json.tree.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The request side of the customer API: JSON bodies to commands. Every problem in a body (unknown or
 * read-only fields, wrong JSON types, values the value objects refuse, missing required fields) is collected
 * and thrown as one {@link com.novabilling.domain.shared.DomainValidationException}; a body that is not a
 * JSON object is a {@link com.novabilling.adapter.in.rest.error.MalformedJsonException}.
 */
public final class CustomerRequests {

    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String EXTERNAL_ID = "externalId";
    static final String COUNTRY = "country";
    static final String CURRENCY = "currency";
    static final String STATUS = "status";
    static final String METADATA = "metadata";

    /** The fields a caller may send. */
    static final Set<String> WRITABLE = Set.of(EMAIL, NAME, EXTERNAL_ID, COUNTRY, CURRENCY, STATUS, METADATA);

    /** Fields the API answers but only the server sets; sending one is a 400 naming it. */
    static final Set<String> READ_ONLY = Set.of("id", "tenantId", "totalSpent", "activeSubscriptions", "createdAt",
            "updatedAt", "deleted", "canceledSubscriptions", "voidedInvoices");

    private CustomerRequests() {
    }

    /**
     * A create request: {@code email} and {@code name} required; {@code externalId}, {@code country},
     * {@code currency}, {@code status}, {@code metadata} optional (JSON {@code null} counts as not given).
     */
    public static CreateCustomerCommand toCreateCommand(TenantId tenantId, JsonNode body) {
        JsonNode object = JsonFields.requireObject(body);
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, WRITABLE, READ_ONLY, violations);
        Email email = JsonFields.requiredString(object, EMAIL, Email::of, violations);
        CustomerName name = JsonFields.requiredString(object, NAME, CustomerName::of, violations);
        ExternalId externalId = JsonFields.string(object, EXTERNAL_ID, ExternalId::of, violations);
        CountryCode country = JsonFields.string(object, COUNTRY, CountryCode::of, violations);
        CurrencyCode currency = JsonFields.string(object, CURRENCY, CurrencyCode::of, violations);
        CustomerStatus status = JsonFields.string(object, STATUS, CustomerStatus::fromWire, violations);
        Metadata metadata = JsonFields.isNull(object, METADATA) ? null : metadata(object, violations);
        violations.throwIfAny();
        return new CreateCustomerCommand(tenantId, email, name, externalId, country, currency, status, metadata);
    }

    /**
     * An update request: only the fields present change. JSON {@code null} clears {@code externalId},
     * {@code country} and {@code metadata} (JSON merge patch: the customer then has none), and is a violation for
     * the fields a customer always has a value of. {@code metadata} replaces the whole map ({@code {}} clears it
     * too). An empty object changes nothing.
     */
    public static UpdateCustomerCommand toUpdateCommand(TenantId tenantId, CustomerId customerId, JsonNode body) {
        JsonNode object = JsonFields.requireObject(body);
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, WRITABLE, READ_ONLY, violations);
        Email email = replacement(object, EMAIL, Email::of, violations);
        CustomerName name = replacement(object, NAME, CustomerName::of, violations);
        Change<ExternalId> externalId = change(object, EXTERNAL_ID, ExternalId::of, violations);
        Change<CountryCode> country = change(object, COUNTRY, CountryCode::of, violations);
        CurrencyCode currency = replacement(object, CURRENCY, CurrencyCode::of, violations);
        CustomerStatus status = replacement(object, STATUS, CustomerStatus::fromWire, violations);
        Metadata metadata = JsonFields.isNull(object, METADATA) ? Metadata.empty() : metadata(object, violations);
        violations.throwIfAny();
        return new UpdateCustomerCommand(tenantId, customerId, email, name, externalId, country, currency, status,
                metadata);
    }

    /** The new value of a field that can be replaced but not cleared; {@code null} when absent. */
    private static <T> T replacement(JsonNode object, String field, Function<String, T> factory,
            Violations violations) {
        if (JsonFields.isNull(object, field)) {
            violations.add(field, JsonFields.MUST_NOT_BE_NULL);
            return null;
        }
        return JsonFields.string(object, field, factory, violations);
    }

    /** The change of a field that can be cleared; {@code null} when absent (or invalid). */
    private static <T> Change<T> change(JsonNode object, String field, Function<String, T> factory,
            Violations violations) {
        if (JsonFields.isAbsent(object, field)) {
            return null;
        }
        if (JsonFields.isNull(object, field)) {
            return Change.clear();
        }
        T value = JsonFields.string(object, field, factory, violations);
        return value == null ? null : Change.to(value);
    }

    /**
     * The metadata in {@code object}, or {@code null} when absent or invalid. Values other than strings, numbers
     * and booleans (objects, arrays, null) are handed to {@link Metadata#of} as {@code null}, which refuses them
     * naming the key ({@code metadata.plan}), so the rules and messages live in one place.
     */
    private static Metadata metadata(JsonNode object, Violations violations) {
        JsonNode node = object.get(METADATA);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            violations.add(METADATA, JsonFields.MUST_BE_AN_OBJECT);
            return null;
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            raw.put(entry.getKey(), scalar(entry.getValue()));
        }
        return violations.attempt(() -> Metadata.of(raw));
    }

    private static Object scalar(JsonNode value) {
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isBoolean()) {
            return value.getBooleanValue();
        }
        if (value.isNumber()) {
            return value.getNumberValue();
        }
        return null;
    }
}
