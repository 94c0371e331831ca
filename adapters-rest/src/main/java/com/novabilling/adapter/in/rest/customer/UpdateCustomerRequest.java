package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.MaxCodePoints;
import com.novabilling.adapter.in.rest.json.NullAsEmptyMapDeserializer;
import com.novabilling.adapter.in.rest.json.PatchValue;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.application.port.in.customer.Change;
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
import com.novabilling.domain.shared.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

// PATCH /api/customers/{id} (JSON merge patch): only the fields present change. JSON null clears externalId,
// country and metadata (the customer then has none) and is refused for the fields a customer always has a value
// of (email, name, currency, status). metadata replaces the whole map ({} clears it too). An empty object changes
// nothing. Each field is a PatchValue, which tells absent from null, but metadata: there null and {} both clear
// it, so a plain map read with NullAsEmptyMapDeserializer (absent: null; null: empty) says all there is.
// (A line comment: the OpenAPI processor would copy a Javadoc comment into the document, which has its own
// description below.)
@Serdeable.Deserializable
@ReadOnlyFields({"id", "tenantId", "totalSpent", "activeSubscriptions", "createdAt", "updatedAt", "deleted",
        "canceledSubscriptions", "voidedInvoices"})
@Schema(name = "UpdateCustomerRequest", additionalProperties = AdditionalPropertiesValue.FALSE,
        description = """
                Only the fields present change: leave a field out to keep it. null clears externalId, country \
                and metadata; it is refused for email, name, currency and status.""")
public record UpdateCustomerRequest(
        @Size(max = Email.MAX_LENGTH)
        @Schema(implementation = String.class, format = "email", example = "sarah@kampaltech.ug")
        PatchValue<String> email,
        @MaxCodePoints(CustomerName.MAX_LENGTH)
        @Schema(implementation = String.class, minLength = 1, maxLength = CustomerName.MAX_LENGTH,
                example = "Nakato Sarah Williams")
        PatchValue<String> name,
        @MaxCodePoints(ExternalId.MAX_LENGTH)
        @Schema(implementation = String.class, maxLength = ExternalId.MAX_LENGTH, nullable = true, example = "usr_98765")
        PatchValue<String> externalId,
        @Schema(implementation = String.class, pattern = CustomerRequests.COUNTRY_PATTERN, nullable = true,
                example = "UG")
        PatchValue<String> country,
        @Schema(implementation = String.class, pattern = CustomerRequests.CURRENCY_PATTERN, example = "UGX")
        PatchValue<String> currency,
        @Schema(implementation = String.class, allowableValues = {"active", "inactive"})
        PatchValue<String> status,
        @Nullable @Size(max = Metadata.MAX_KEYS, message = CustomerRequests.TOO_MANY_KEYS)
        @Serdeable.Deserializable(using = NullAsEmptyMapDeserializer.class)
        @Schema(nullable = true, description = CustomerRequests.METADATA + " null clears it too (JSON merge patch).",
                example = "{\"userId\": \"usr_98765\", \"accountType\": \"enterprise\", \"upgradeDate\": \"2025-03-01\"}")
        Map<String, @Nullable MetadataValue> metadata) implements JsonRequest {

    static final String MUST_NOT_BE_NULL = "must not be null";

    public UpdateCustomerRequest {
        email = orAbsent(email);
        name = orAbsent(name);
        externalId = orAbsent(externalId);
        country = orAbsent(country);
        currency = orAbsent(currency);
        status = orAbsent(status);
    }

    /** The command; every value the domain refuses is thrown at once as a {@code DomainValidationException}. */
    public UpdateCustomerCommand toCommand(TenantId tenantId, CustomerId customerId) {
        Violations violations = new Violations();
        UpdateCustomerCommand command = command(tenantId, customerId, violations);
        violations.throwIfAny();
        return command;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(violations -> command(null, null, violations));
    }

    private UpdateCustomerCommand command(TenantId tenantId, CustomerId customerId, Violations violations) {
        Email email = replacement(this.email, "email", Email::of, violations);
        CustomerName name = replacement(this.name, "name", CustomerName::of, violations);
        Change<ExternalId> externalId = change(this.externalId, ExternalId::of, violations);
        Change<CountryCode> country = change(this.country, CountryCode::of, violations);
        CurrencyCode currency = replacement(this.currency, "currency", CurrencyCode::of, violations);
        CustomerStatus status = replacement(this.status, "status", CustomerStatus::fromWire, violations);
        Metadata metadata = this.metadata == null ? null : CustomerRequests.metadata(this.metadata, violations);
        if (tenantId == null || !violations.isEmpty()) {
            return null;
        }
        return new UpdateCustomerCommand(tenantId, customerId, email, name, externalId, country, currency, status,
                metadata);
    }

    /** The new value of a field that can be replaced but not cleared; {@code null} when absent. */
    private static <T> T replacement(PatchValue<String> field, String name, Function<String, T> factory,
                                     Violations violations) {
        if (field.isNull()) {
            violations.add(name, MUST_NOT_BE_NULL);
            return null;
        }
        return field.isAbsent() ? null : violations.attempt(() -> factory.apply(field.value()));
    }

    /** The change of a field that can be cleared; {@code null} when absent (or refused). */
    private static <T> Change<T> change(PatchValue<String> field, Function<String, T> factory, Violations violations) {
        if (field.isAbsent()) {
            return null;
        }
        if (field.isNull()) {
            return Change.clear();
        }
        T value = violations.attempt(() -> factory.apply(field.value()));
        return value == null ? null : Change.to(value);
    }

    private static <T> PatchValue<T> orAbsent(PatchValue<T> field) {
        return field == null ? PatchValue.absent() : field;
    }
}
