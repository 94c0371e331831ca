package com.novabilling.adapter.in.rest.json;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.domain.shared.Violation;

import java.util.List;
import java.util.function.Consumer;

/**
 * A request body: a {@code @Serdeable} record bound with {@code @Body @Valid}, read by {@link JsonRequestReader}.
 * Its jakarta constraints are the boundary's rules (limits from the domain's constants); the domain's value
 * objects then guard their own invariants, and what they refuse is reported together with the constraint
 * violations ({@link RequestViolations}), so a caller hears about every broken rule at once.
 */
public interface JsonRequest {

    /**
     * What the domain refuses in this request, field by field, as its value objects are made from it; empty
     * when they all accept it. Never throws.
     */
    List<Violation> domainViolations();

    /** The violations {@code conversion} records, for {@link #domainViolations()}. */
    static List<Violation> collect(Consumer<Violations> conversion) {
        Violations violations = new Violations();
        conversion.accept(violations);
        return violations.list();
    }
}
