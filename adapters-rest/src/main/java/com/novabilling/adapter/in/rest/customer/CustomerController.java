package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.json.JsonBodies;
import com.novabilling.adapter.in.rest.json.JsonFields;

import com.novabilling.adapter.in.rest.access.ApiPrincipal;
import com.novabilling.adapter.in.rest.access.RequiresScope;
import com.novabilling.application.port.in.customer.CreateCustomerUseCase;
import com.novabilling.application.port.in.customer.DeleteCustomerUseCase;
import com.novabilling.application.port.in.customer.GetCustomerQuery;
import com.novabilling.application.port.in.customer.ListCustomersQuery;
import com.novabilling.application.port.in.customer.UpdateCustomerUseCase;
import com.novabilling.domain.access.Scope;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerNotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;

/**
 * {@code /api/customers}: create, read, update, delete and list a tenant's customers. Bodies are taken as raw
 * bytes and read by {@link JsonBodies} into a JSON tree, so that this adapter decides every error (malformed
 * JSON, wrong types, unknown fields) and decimals stay exact; errors are answered by the handlers in
 * {@code ..rest.error}, never here.
 */
@Controller(CustomerController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CustomerController {

    static final String PATH = "/api/customers";
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final CreateCustomerUseCase createCustomer;
    private final UpdateCustomerUseCase updateCustomer;
    private final DeleteCustomerUseCase deleteCustomer;
    private final GetCustomerQuery getCustomer;
    private final ListCustomersQuery listCustomers;

    public CustomerController(CreateCustomerUseCase createCustomer, UpdateCustomerUseCase updateCustomer,
            DeleteCustomerUseCase deleteCustomer, GetCustomerQuery getCustomer, ListCustomersQuery listCustomers) {
        this.createCustomer = createCustomer;
        this.updateCustomer = updateCustomer;
        this.deleteCustomer = deleteCustomer;
        this.getCustomer = getCustomer;
        this.listCustomers = listCustomers;
    }

    @Post
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public HttpResponse<CustomerResponse> create(ApiPrincipal principal, @Body @Nullable byte[] body) {
        CustomerResponse created = CustomerResponse.from(createCustomer.create(
                CustomerRequests.toCreateCommand(principal.tenantId(), JsonBodies.parse(body))));
        return HttpResponse.created(created, URI.create(PATH + "/" + created.id()));
    }

    @Get("/{id}")
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CustomerResponse get(ApiPrincipal principal, @PathVariable String id) {
        return CustomerResponse.from(getCustomer.get(principal.tenantId(), customerId(id)));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public CustomerResponse update(ApiPrincipal principal, @PathVariable String id,
            @Body @Nullable byte[] body) {
        CustomerId customerId = customerId(id);
        return CustomerResponse.from(updateCustomer.update(
                CustomerRequests.toUpdateCommand(principal.tenantId(), customerId, JsonBodies.parse(body))));
    }

    @Delete("/{id}")
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    public DeletedCustomerResponse delete(ApiPrincipal principal, @PathVariable String id) {
        return DeletedCustomerResponse.from(deleteCustomer.delete(principal.tenantId(), customerId(id)));
    }

    @Get
    @RequiresScope(Scope.CUSTOMERS_READ)
    public CustomerListResponse list(ApiPrincipal principal,
            @QueryValue @Nullable String page,
            @QueryValue @Nullable String limit,
            @QueryValue @Nullable String search,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String country,
            @QueryValue @Nullable String currency,
            @QueryValue @Nullable String externalId,
            @QueryValue @Nullable String email,
            @QueryValue @Nullable String sortBy,
            @QueryValue @Nullable String sortOrder) {
        CustomerListParameters parameters = new CustomerListParameters(page, limit, search, status, country, currency,
                externalId, email, sortBy, sortOrder);
        return CustomerListResponse.from(listCustomers.list(parameters.toCriteria(principal.tenantId())));
    }

    /** A malformed id is answered exactly like a missing customer: 404 {@code customer_not_found}. */
    private static CustomerId customerId(String raw) {
        return CustomerId.parse(raw).orElseThrow(() -> new CustomerNotFoundException(raw));
    }
}
