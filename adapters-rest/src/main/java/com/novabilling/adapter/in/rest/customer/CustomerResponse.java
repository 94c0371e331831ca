package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.json.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.ExternalId;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

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
@Schema(name = "Customer", description = "A customer of your tenant")
public record CustomerResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^cust_[0-9a-hjkmnp-tv-z]{26}$", example = "cust_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, description = "Your application's user id", example = "usr_98765") String externalId,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "email", example = "sarah@kampaltech.ug") String email,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Nakato Sarah") String name,
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, description = "ISO 3166-1 alpha-2", example = "UG") String country,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "ISO 4217", example = "UGX") String currency,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"active", "inactive"}) String status,
        @Schema(requiredMode = RequiredMode.REQUIRED, ref = "#/components/schemas/Metadata") Map<String, Object> metadata,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Lifetime amount paid (paid invoices), in the customer's currency, exact", example = "150000")
        BigDecimal totalSpent,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Count of active subscriptions", example = "1") long activeSubscriptions,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = "2025-03-01T10:00:00.000Z") String createdAt,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = "2025-03-01T10:00:00.000Z") String updatedAt) {

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
