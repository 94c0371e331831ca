package com.novabilling.adapter.in.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.adapter.in.rest.error.ErrorCode;
import com.novabilling.adapter.in.rest.error.Problems;
import com.novabilling.adapter.in.rest.error.UnauthorizedException;
import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.adapter.in.rest.json.JsonBodies;
import com.novabilling.adapter.in.rest.json.JsonFields;
import com.novabilling.adapter.in.rest.json.Timestamps;
import com.novabilling.application.port.in.access.CreateTenantUseCase;
import com.novabilling.application.port.in.access.ProvisionedTenant;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.CurrencyCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code POST /api/admin/tenants}: operators open tenants. Authenticated by
 * {@code Authorization: Bearer <NOVABILLING_ADMIN_TOKEN>} (compared in constant time); while no token is
 * configured the route answers 404 as if it did not exist.
 */
@Controller("/api/admin/tenants")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminTenantController {

    private final CreateTenantUseCase createTenant;
    private final byte[] adminToken;

    public AdminTenantController(CreateTenantUseCase createTenant,
                                 @Value("${novabilling.admin-token:}") String adminToken) {
        this.createTenant = createTenant;
        this.adminToken = adminToken.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Post
    public HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
        if (adminToken.length == 0) {
            return Problems.response(ErrorCode.NOT_FOUND, "No route matches POST /api/admin/tenants.", request);
        }
        if (!presentsAdminToken(request)) {
            return Problems.response(ErrorCode.UNAUTHORIZED, new UnauthorizedException().detail(), request)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"novabilling-admin\"");
        }
        var object = JsonFields.requireObject(JsonBodies.parse(body));
        Violations violations = new Violations();
        JsonFields.rejectOtherFields(object, Set.of("name", "defaultCurrency"), Set.of("id", "status", "createdAt"),
                violations);
        String name = JsonFields.string(object, "name", Function.identity(), violations);
        if (name == null && violations.list().stream().noneMatch(v -> v.field().equals("name"))) {
            violations.add("name", JsonFields.IS_REQUIRED);
        }
        CurrencyCode currency = JsonFields.string(object, "defaultCurrency", CurrencyCode::of, violations);
        violations.throwIfAny();
        ProvisionedTenant provisioned = createTenant.create(name, currency);
        return HttpResponse.created(new CreatedTenantResponse(TenantResponse.from(provisioned.tenant()),
                ApiKeyResponse.created(provisioned.apiKey())));
    }

    private boolean presentsAdminToken(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(adminToken, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TenantResponse(String id, String name, String defaultCurrency, String status, String createdAt) {
        static TenantResponse from(Tenant tenant) {
            return new TenantResponse(tenant.id().value(), tenant.name(), tenant.defaultCurrency().value(),
                    tenant.status().wireName(), Timestamps.format(tenant.createdAt()));
        }
    }

    @Serdeable
    public record CreatedTenantResponse(TenantResponse tenant, ApiKeyResponse apiKey) {
    }
}
