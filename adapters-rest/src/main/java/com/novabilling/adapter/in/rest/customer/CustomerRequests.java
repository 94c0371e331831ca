package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.domain.customer.Metadata;

import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link CreateCustomerRequest} and {@link UpdateCustomerRequest} share. */
final class CustomerRequests {

    static final String IS_REQUIRED = "is required";
    static final String TOO_MANY_KEYS = "must have at most " + Metadata.MAX_KEYS + " keys";
    static final String COUNTRY_PATTERN = "^[A-Za-z]{2}$";
    static final String CURRENCY_PATTERN = "^[A-Za-z]{3}$";
    static final String METADATA = "Your key-value data: a flat object of at most " + Metadata.MAX_KEYS + " keys (1-"
            + Metadata.MAX_KEY_LENGTH + " characters each); values are strings (at most " + Metadata.MAX_STRING_LENGTH
            + " characters), numbers or booleans. On update it replaces the stored metadata whole; {} clears it.";

    private CustomerRequests() {
    }

    /**
     * The domain's {@link Metadata} of the values sent (the domain refuses a value of another kind, sent as
     * {@code null}, naming its key); {@code null} after recording what it refuses.
     */
    static Metadata metadata(Map<String, MetadataValue> sent, Violations violations) {
        Map<String, Object> raw = new LinkedHashMap<>();
        sent.forEach((key, value) -> raw.put(key, value == null ? null : value.value()));
        return violations.attempt(() -> Metadata.of(raw));
    }
}
