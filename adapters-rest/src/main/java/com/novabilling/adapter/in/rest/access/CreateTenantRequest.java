package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.MaxCodePoints;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.shared.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** A new tenant: its name and default currency (USD if absent). */
@Serdeable.Deserializable
@ReadOnlyFields({"id", "status", "createdAt"})
@Schema(name = "CreateTenantRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record CreateTenantRequest(
        @NotNull(message = "is required") @MaxCodePoints(Tenant.MAX_NAME_LENGTH)
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = Tenant.MAX_NAME_LENGTH,
                example = "Kampala Tech Ltd")
        String name,
        @Nullable
        @Schema(pattern = "^[A-Za-z]{3}$", nullable = true, description = "ISO 4217; USD if absent", example = "UGX")
        String defaultCurrency) implements JsonRequest {

    /**
     * The tenant's name and currency (null: the default); what the domain refuses is thrown at once as a
     * {@code DomainValidationException}.
     */
    Validated validated() {
        Violations violations = new Violations();
        Validated validated = validated(violations);
        violations.throwIfAny();
        return validated;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(this::validated);
    }

    private Validated validated(Violations violations) {
        String name = violations.attempt(() -> Tenant.validName(this.name));
        CurrencyCode currency = defaultCurrency == null ? null
                : violations.attempt(() -> Violations.as("defaultCurrency", () -> CurrencyCode.of(defaultCurrency)));
        return new Validated(name, currency);
    }

    record Validated(String name, CurrencyCode defaultCurrency) {
    }
}
