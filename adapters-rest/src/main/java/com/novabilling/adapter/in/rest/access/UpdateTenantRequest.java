package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonRequest;
import com.novabilling.adapter.in.rest.json.PatchValue;
import com.novabilling.adapter.in.rest.json.ReadOnlyFields;
import com.novabilling.domain.access.RateLimit;
import com.novabilling.domain.shared.Violation;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;

import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's rate limit: rateLimit must be present; null sets the tenant back to the service's default, an
 * object gives it its own limit.
 */
@Serdeable.Deserializable
@ReadOnlyFields({"id", "name", "defaultCurrency", "status", "createdAt"})
@Schema(name = "UpdateTenantRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
public record UpdateTenantRequest(
        @Valid
        @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
                description = "The tenant's own limit per API key; null: back to the service's default")
        PatchValue<RateLimitRequest> rateLimit) implements JsonRequest {

    public UpdateTenantRequest {
        rateLimit = rateLimit == null ? PatchValue.absent() : rateLimit;
    }

    /** The tenant's own limit, or {@code null} for the default; what the domain refuses is thrown at once. */
    RateLimit toRateLimit() {
        Violations violations = new Violations();
        RateLimit limit = rateLimit(violations);
        violations.throwIfAny();
        return limit;
    }

    @Override
    public List<Violation> domainViolations() {
        return JsonRequest.collect(this::rateLimit);
    }

    private RateLimit rateLimit(Violations violations) {
        if (rateLimit.isAbsent()) {
            violations.add("rateLimit", RateLimitRequest.IS_REQUIRED);
            return null;
        }
        RateLimitRequest sent = rateLimit.value();
        if (sent == null) {
            return null;
        }
        List<Violation> wrong = new ArrayList<>();
        if (sent.perSecond() == null) {
            wrong.add(new Violation("rateLimit.perSecond", RateLimitRequest.IS_REQUIRED));
        } else {
            wrong.addAll(RateLimit.perSecondViolations(sent.perSecond()));
        }
        if (sent.burst() == null) {
            wrong.add(new Violation("rateLimit.burst", RateLimitRequest.IS_REQUIRED));
        } else {
            wrong.addAll(RateLimit.burstViolations(sent.burst()));
        }
        wrong.forEach(v -> violations.add(v.field(), v.message()));
        return wrong.isEmpty() ? new RateLimit(sent.perSecond(), sent.burst()) : null;
    }
}
