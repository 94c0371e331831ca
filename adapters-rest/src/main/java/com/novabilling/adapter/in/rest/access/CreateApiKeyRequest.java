package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.MaxCodePoints;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.application.port.in.access.CreateApiKeyCommand;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.shared.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A new API key: its name, the scopes it grants and, optionally, when it expires. */
@Serdeable.Deserializable
@ReadOnlyFields({"id", "prefix", "secret", "createdAt", "lastUsedAt", "revokedAt"})
@Schema(name = "CreateApiKeyRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record CreateApiKeyRequest(
        @NotNull(message = CreateApiKeyRequest.IS_REQUIRED) @MaxCodePoints(ApiKey.MAX_NAME_LENGTH)
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = ApiKey.MAX_NAME_LENGTH,
                example = "checkout service")
        String name,
        @NotNull(message = CreateApiKeyRequest.IS_REQUIRED)
        @Size(min = 1, max = Scope.MAX_LISTED, message = CreateApiKeyRequest.SCOPE_COUNT)
        @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
                description = "At most the scopes of the key making the request; a repeated scope counts once"),
                schema = @Schema(type = "string", allowableValues = {"customers:read", "customers:write",
                        "api_keys:read", "api_keys:write", "events:read", "webhooks:read", "webhooks:write"}))
        List<String> scopes,
        @Nullable
        @Schema(format = "date-time", nullable = true, description = "When the key stops working; never if absent",
                example = "2027-01-01T00:00:00Z")
        String expiresAt) implements JsonRequest {

    static final String IS_REQUIRED = "is required";
    static final String SCOPES = "customers:read, customers:write, api_keys:read, api_keys:write, events:read, "
            + "webhooks:read, webhooks:write";
    static final String SCOPE_COUNT = "must name 1 to " + Scope.MAX_LISTED + " scopes of " + SCOPES;
    static final String UNKNOWN_SCOPE = "must be one of " + SCOPES;

    /** The command; every value the domain refuses is thrown at once as a {@code DomainValidationException}. */
    CreateApiKeyCommand toCommand(ApiPrincipal principal) {
        Violations violations = new Violations();
        CreateApiKeyCommand command = command(principal, violations);
        violations.throwIfAny();
        return command;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(violations -> command(null, violations));
    }

    private CreateApiKeyCommand command(ApiPrincipal principal, Violations violations) {
        String name = violations.attempt(() -> ApiKey.validName(this.name));
        Set<Scope> scopes = scopes(violations);
        Instant expiresAt = this.expiresAt == null ? null
                : violations.attempt(() -> Timestamps.parse("expiresAt", this.expiresAt));
        if (principal == null || !violations.isEmpty()) {
            return null;
        }
        return new CreateApiKeyCommand(principal.tenantId(), name, scopes, expiresAt, principal.scopes());
    }

    /** The scopes named; an unknown one is recorded by its index. Too many or none is the constraint's to say. */
    private Set<Scope> scopes(Violations violations) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (this.scopes == null || this.scopes.isEmpty() || this.scopes.size() > Scope.MAX_LISTED) {
            return scopes;
        }
        for (int i = 0; i < this.scopes.size(); i++) {
            Optional<Scope> scope = Scope.fromWire(this.scopes.get(i));
            if (scope.isEmpty()) {
                violations.add("scopes[" + i + "]", UNKNOWN_SCOPE);
            } else {
                scopes.add(scope.get());
            }
        }
        return scopes;
    }
}
