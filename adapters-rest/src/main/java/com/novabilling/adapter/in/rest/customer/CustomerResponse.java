package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.json.Timestamps;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.in.customer.CustomerView;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.ExternalId;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A customer on the wire, fields in this order. Absent optional fields are {@code null}, never missing;
 * {@code metadata} values are JSON strings, numbers and booleans; {@code totalSpent} is a plain JSON number;
 * timestamps are ISO-8601 UTC with milliseconds ({@code 2025-03-01T10:00:00.000Z}).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerResponse(
        String id,
        String externalId,
        String email,
        String name,
        String country,
        String currency,
        String status,
        Map<String, Object> metadata,
        BigDecimal totalSpent,
        long activeSubscriptions,
        String createdAt,
        String updatedAt) {

    public static CustomerResponse from(CustomerView view) {
        Customer customer = view.customer();
        return new CustomerResponse(
                customer.id().value(),
                customer.externalId().map(ExternalId::value).orElse(null),
                customer.email().value(),
                customer.name().value(),
                customer.country().map(CountryCode::value).orElse(null),
                customer.currency().value(),
                customer.status().wireName(),
                customer.metadata().asMap(),
                plain(view.totalSpent().amount()),
                view.activeSubscriptions(),
                timestamp(customer.createdAt()),
                timestamp(customer.updatedAt()));
    }

    /** Without trailing zeros and never with a negative scale, so it is written without an exponent. */
    static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String timestamp(Instant instant) {
        return Timestamps.format(instant);
    }
}
