package com.novabilling.adapter.in.rest.access;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonFields;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.application.port.in.access.CreateApiKeyCommand;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.Scope;
import io.micronaut.json.tree.JsonNode;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** {@code {"name": ..., "scopes": [...], "expiresAt": ...}} to a command, reporting every bad field at once. */
final class ApiKeyRequests {

    static final Set<String> WRITABLE = Set.of("name", "scopes", "expiresAt");
    static final Set<String> READ_ONLY = Set.of("id", "prefix", "secret", "createdAt", "lastUsedAt", "revokedAt");
    static final int MAX_SCOPES = Scope.values().length;

    private ApiKeyRequests() {
    }

    static CreateApiKeyCommand toCreateCommand(ApiPrincipal principal, JsonNode body) {
        JsonNode object = JsonFields.requireObject(body);
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, WRITABLE, READ_ONLY, violations);
        String name = JsonFields.requiredString(object, "name", ApiKey::validName, violations);
        Set<Scope> scopes = scopes(object.get("scopes"), violations);
        Instant expiresAt = JsonFields.string(object, "expiresAt", raw -> Timestamps.parse("expiresAt", raw), violations);
        violations.throwIfAny();
        return new CreateApiKeyCommand(principal.tenantId(), name, scopes, expiresAt, principal.scopes());
    }

    private static Set<Scope> scopes(JsonNode node, Violations violations) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (node == null || node.isNull()) {
            violations.add("scopes", JsonFields.IS_REQUIRED);
            return scopes;
        }
        if (!node.isArray() || node.size() > 2 * MAX_SCOPES) {
            violations.add("scopes", "must be an array of scopes: customers:read, customers:write, api_keys:read, api_keys:write");
            return scopes;
        }
        if (node.size() == 0) {
            violations.add("scopes", "must name at least one scope");
            return scopes;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            var scope = item.isString() ? Scope.fromWire(item.getStringValue()) : java.util.Optional.<Scope>empty();
            if (scope.isEmpty()) {
                violations.add("scopes[" + i + "]", "must be one of customers:read, customers:write, api_keys:read, api_keys:write");
            } else {
                scopes.add(scope.get());
            }
        }
        return scopes;
    }
}
