package com.novabilling.adapter.in.rest.openapi;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The API's OpenAPI header. The document ({@code META-INF/swagger/openapi.yml}) is generated from the
 * controllers at compile time and served at {@code GET /api/openapi.yml}.
 */
@OpenAPIDefinition(
        info = @Info(
                title = "NovaBilling Customers API",
                version = "1.0.0",
                description = """
                        Customer management for NovaBilling: create, update, list and search, get and delete the \
                        customers every subscription, invoice and payment hangs off. Authenticate every call with \
                        `Authorization: Bearer sk_live_...`. Errors are RFC 9457 problem documents \
                        (`application/problem+json`) with a stable `code`.""",
                license = @License(name = "Apache-2.0")),
        servers = @Server(url = "/", description = "The server this document was served from"),
        security = @SecurityRequirement(name = ApiDocumentation.BEARER),
        tags = {
                @Tag(name = "customers", description = "The customers of your tenant"),
                @Tag(name = "api-keys", description = "Your tenant's API keys"),
                @Tag(name = "admin", description = "Operator endpoints (NOVABILLING_ADMIN_TOKEN)"),
                @Tag(name = "docs", description = "This document and its reference page")})
@SecurityScheme(
        name = ApiDocumentation.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "sk_live_<40 base62 characters>",
        description = "An API key of your tenant. Create one with POST /api/tenants/me/api-keys.")
@SecurityScheme(
        name = ApiDocumentation.ADMIN_TOKEN,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "Authorization",
        description = """
                The operator token NOVABILLING_ADMIN_TOKEN, for /api/admin only, sent as \
                `Authorization: Bearer <token>`. An API-key scheme rather than a second bearer one, so that a \
                generated client's setBearerToken sets the tenant key (bearerAuth) and the admin token is set \
                apart (setApiKey with the prefix "Bearer").""")
public final class ApiDocumentation {

    public static final String BEARER = "bearerAuth";
    public static final String ADMIN_TOKEN = "adminToken";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiDocumentation() {
    }
}
