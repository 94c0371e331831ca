package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.MaxCodePoints;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.domain.customer.CountryCode;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.CustomerName;
import com.novabilling.domain.customer.CustomerStatus;
import com.novabilling.domain.customer.Email;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.domain.customer.Metadata;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * A new customer: email and name are required; the other fields are optional, and null counts as not given.
 */
// The limits are the domain's constants; the domain's value objects check the rest (an assigned country, an
// active currency, the address's syntax, control and invisible characters): see domainViolations().
@Serdeable.Deserializable
@ReadOnlyFields({"id", "tenantId", "totalSpent", "activeSubscriptions", "createdAt", "updatedAt", "deleted",
        "canceledSubscriptions", "voidedInvoices"})
@Schema(name = "CreateCustomerRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record CreateCustomerRequest(
        @NotNull(message = CustomerRequests.IS_REQUIRED) @Size(max = Email.MAX_LENGTH)
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "email",
                description = "Unique within your tenant, compared case-insensitively", example = "sarah@kampaltech.ug")
        String email,
        @NotNull(message = CustomerRequests.IS_REQUIRED) @MaxCodePoints(CustomerName.MAX_LENGTH)
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = CustomerName.MAX_LENGTH,
                example = "Nakato Sarah")
        String name,
        @Nullable @MaxCodePoints(ExternalId.MAX_LENGTH)
        @Schema(maxLength = ExternalId.MAX_LENGTH, nullable = true,
                description = "Your application's user id; unique within your tenant", example = "usr_98765")
        String externalId,
        @Nullable
        @Schema(pattern = CustomerRequests.COUNTRY_PATTERN, nullable = true, description = "ISO 3166-1 alpha-2 code, any case",
                example = "UG")
        String country,
        @Nullable
        @Schema(pattern = CustomerRequests.CURRENCY_PATTERN, nullable = true,
                description = "ISO 4217 code, any case; defaults to the tenant's currency", example = "UGX")
        String currency,
        @Nullable
        @Schema(allowableValues = {"active", "inactive"}, nullable = true, description = "Defaults to active")
        String status,
        @Nullable @Size(max = Metadata.MAX_KEYS, message = CustomerRequests.TOO_MANY_KEYS)
        @Schema(nullable = true, description = CustomerRequests.METADATA,
                example = "{\"userId\": \"usr_98765\", \"accountType\": \"business\"}")
        Map<String, @Nullable MetadataValue> metadata) implements JsonRequest {

    /** The command; every value the domain refuses is thrown at once as a {@code DomainValidationException}. */
    public CreateCustomerCommand toCommand(TenantId tenantId) {
        Violations violations = new Violations();
        CreateCustomerCommand command = command(tenantId, violations);
        violations.throwIfAny();
        return command;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(violations -> command(null, violations));
    }

    private CreateCustomerCommand command(TenantId tenantId, Violations violations) {
        Email email = violations.attempt(() -> Email.of(this.email));
        CustomerName name = violations.attempt(() -> CustomerName.of(this.name));
        ExternalId externalId = this.externalId == null ? null : violations.attempt(() -> ExternalId.of(this.externalId));
        CountryCode country = this.country == null ? null : violations.attempt(() -> CountryCode.of(this.country));
        CurrencyCode currency = this.currency == null ? null : violations.attempt(() -> CurrencyCode.of(this.currency));
        CustomerStatus status = this.status == null ? null
                : violations.attempt(() -> CustomerStatus.fromWire(this.status));
        Metadata metadata = this.metadata == null ? null : CustomerRequests.metadata(this.metadata, violations);
        if (tenantId == null || !violations.isEmpty()) {
            return null;
        }
        return new CreateCustomerCommand(tenantId, email, name, externalId, country, currency, status, metadata);
    }
}
