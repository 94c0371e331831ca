package com.novabilling.adapter.in.rest.openapi;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;
import java.util.Map;

/**
 * The request bodies as the OpenAPI document describes them. The controllers read bodies as raw JSON (to
 * name every bad field themselves), so these records exist for the document only; the rules they state
 * are the ones the domain enforces.
 */
public final class RequestSchemas {

    private RequestSchemas() {
    }

    static final String METADATA = """
            Your key-value data: a flat object of at most 50 keys (1-40 characters each); values are strings \
            (at most 500 characters), numbers or booleans. On update it replaces the stored metadata whole; {} clears it.""";

    @Schema(name = "CreateCustomerRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record CreateCustomer(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "email", maxLength = 254,
                    description = "Unique within your tenant, compared case-insensitively", example = "sarah@kampaltech.ug")
            String email,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 200, example = "Nakato Sarah")
            String name,
            @Schema(maxLength = 255, nullable = true, description = "Your application's user id; unique within your tenant",
                    example = "usr_98765")
            String externalId,
            @Schema(pattern = "^[A-Za-z]{2}$", nullable = true, description = "ISO 3166-1 alpha-2 code, any case", example = "UG")
            String country,
            @Schema(pattern = "^[A-Za-z]{3}$", nullable = true,
                    description = "ISO 4217 code, any case; defaults to the tenant's currency", example = "UGX")
            String currency,
            @Schema(allowableValues = {"active", "inactive"}, nullable = true, description = "Defaults to active")
            String status,
            @Schema(maxProperties = 50, nullable = true, description = METADATA,
                    example = "{\"userId\": \"usr_98765\", \"accountType\": \"business\"}")
            Map<String, MetadataValue> metadata) {
    }

    @Schema(name = "UpdateCustomerRequest", additionalProperties = AdditionalPropertiesValue.FALSE,
            description = """
                    Only the fields present change: leave a field out to keep it. null clears externalId, country \
                    and metadata; it is refused for email, name, currency and status.""")
    public record UpdateCustomer(
            @Schema(format = "email", maxLength = 254, example = "sarah@kampaltech.ug") String email,
            @Schema(minLength = 1, maxLength = 200, example = "Nakato Sarah Williams") String name,
            @Schema(maxLength = 255, nullable = true, example = "usr_98765") String externalId,
            @Schema(pattern = "^[A-Za-z]{2}$", nullable = true, example = "UG") String country,
            @Schema(pattern = "^[A-Za-z]{3}$", example = "UGX") String currency,
            @Schema(allowableValues = {"active", "inactive"}) String status,
            @Schema(maxProperties = 50, nullable = true, description = METADATA + " null clears it too (JSON merge patch).",
                    example = "{\"userId\": \"usr_98765\", \"accountType\": \"enterprise\", \"upgradeDate\": \"2025-03-01\"}")
            Map<String, MetadataValue> metadata) {
    }

    @Schema(name = "CreateApiKeyRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record CreateApiKey(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100, example = "checkout service")
            String name,
            @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "At most the scopes of the key making the request; a repeated scope counts once"),
                    minItems = 1, maxItems = 8,
                    schema = @Schema(type = "string", allowableValues = {"customers:read", "customers:write",
                            "api_keys:read", "api_keys:write"}))
            List<String> scopes,
            @Schema(format = "date-time", nullable = true, description = "When the key stops working; never if absent",
                    example = "2027-01-01T00:00:00Z")
            String expiresAt) {
    }

    @Schema(name = "CreateTenantRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record CreateTenant(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 200, example = "Kampala Tech Ltd")
            String name,
            @Schema(pattern = "^[A-Za-z]{3}$", nullable = true, description = "ISO 4217; USD if absent", example = "UGX")
            String defaultCurrency) {
    }

    @Schema(name = "UpdateTenantRequest", additionalProperties = AdditionalPropertiesValue.FALSE)
    public record UpdateTenant(
            @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true,
                    description = "The tenant's own limit per API key; null: back to the service's default")
            RateLimitRequest rateLimit) {
    }
}
