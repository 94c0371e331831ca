package com.novabilling.adapter.in.rest.customer;

import com.novabilling.adapter.in.rest.access.ApiPrincipal;
import com.novabilling.adapter.in.rest.json.JsonRequestReader;
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
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.adapter.in.rest.idempotency.IdempotentWrites;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Header;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.micronaut.http.MutableHttpResponse;
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
import jakarta.validation.Valid;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import com.novabilling.adapter.in.rest.error.Problem;
import com.novabilling.adapter.in.rest.openapi.ApiDocumentation;
import com.novabilling.adapter.in.rest.openapi.ProblemExamples;
import com.novabilling.adapter.in.rest.openapi.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;

/**
 * {@code /api/customers}: create, read, update, delete and list a tenant's customers. Bodies are bound to typed
 * request records ({@link CreateCustomerRequest}, {@link UpdateCustomerRequest}) by
 * {@link com.novabilling.adapter.in.rest.json.JsonRequestReader} and validated with {@code @Valid}; errors are
 * answered by the error map in {@code ..rest.error}, never here.
 */
@Controller(CustomerController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "customers")
@ApiResponse(responseCode = "403", description = "forbidden: the key lacks the scope this operation needs",
        content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@ProblemResponses
public class CustomerController {

    /** Set on a list answer whose total is PostgreSQL's estimate (more than 1,000 matches), not a count. */
    static final String TOTAL_ESTIMATED = "X-Total-Estimated";
    private static final String ID_DESCRIPTION = "The customer's id (cust_...). Another tenant's id or a malformed one answers 404.";

    static final String PATH = "/api/customers";
    private static final String REPLAYED_DESCRIPTION = "true when this is the stored answer of an earlier request with the same Idempotency-Key";
    static final String MERGE_PATCH_JSON = JsonRequestReader.MERGE_PATCH_JSON;

    private final CreateCustomerUseCase createCustomer;
    private final UpdateCustomerUseCase updateCustomer;
    private final DeleteCustomerUseCase deleteCustomer;
    private final GetCustomerQuery getCustomer;
    private final ListCustomersQuery listCustomers;
    private final IdempotentWrites idempotentWrites;

    public CustomerController(CreateCustomerUseCase createCustomer, UpdateCustomerUseCase updateCustomer,
            DeleteCustomerUseCase deleteCustomer, GetCustomerQuery getCustomer, ListCustomersQuery listCustomers,
            IdempotentWrites idempotentWrites) {
        this.idempotentWrites = idempotentWrites;
        this.createCustomer = createCustomer;
        this.updateCustomer = updateCustomer;
        this.deleteCustomer = deleteCustomer;
        this.getCustomer = getCustomer;
        this.listCustomers = listCustomers;
    }

    @Post
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    @Operation(operationId = "createCustomer", summary = "Create a customer",
            description = "Needs email and name. Scope customers:write.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreateCustomerRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Created; Location names the new customer",
                            headers = @io.swagger.v3.oas.annotations.headers.Header(name = IdempotentWrites.REPLAYED,
                                    description = REPLAYED_DESCRIPTION, schema = @Schema(type = "string", allowableValues = "true")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CustomerResponse.class))),
                    @ApiResponse(responseCode = "422", description = "idempotency_key_reused", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "idempotency_key_reused", value = ProblemExamples.IDEMPOTENCY_KEY_REUSED))),
                    @ApiResponse(responseCode = "409", description = "customer_email_taken or customer_external_id_taken; idempotency_key_in_use (with Retry-After)", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "customer_email_taken", value = ProblemExamples.EMAIL_TAKEN)))})
    public HttpResponse<?> create(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(hidden = true) HttpRequest<?> request,
            @Parameter(name = IdempotentWrites.HEADER, in = ParameterIn.HEADER, description = IdempotentWrites.DESCRIPTION,
                    example = "5f8d0b2e-4c1a-4e8b-9a57-2b1c3d4e5f60", schema = @Schema(type = "string", minLength = 1, maxLength = 255))
            @Header(IdempotentWrites.HEADER) @Nullable String idempotencyKey,
            @Parameter(hidden = true) @Body @Valid CreateCustomerRequest body) {
        return idempotentWrites.run(request, principal.tenantId(), idempotencyKey, JsonRequestReader.rawBody(request), () -> {
            CustomerResponse created = CustomerResponse.from(createCustomer.create(body.toCommand(principal.tenantId())));
            return HttpResponse.created(created, URI.create(PATH + "/" + created.id()));
        });
    }

    @Get("/{id}")
    @RequiresScope(Scope.CUSTOMERS_READ)
    @Operation(operationId = "getCustomer", summary = "Get a customer", description = "Scope customers:read.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The customer",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CustomerResponse.class))),
                    @ApiResponse(responseCode = "404", description = "customer_not_found", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "customer_not_found", value = ProblemExamples.CUSTOMER_NOT_FOUND)))})
    public CustomerResponse get(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(description = ID_DESCRIPTION, example = "cust_01jq3v6x9c4m2k8d7f5h1n0p2r") @PathVariable String id) {
        return CustomerResponse.from(getCustomer.get(principal.tenantId(), customerId(id)));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    @Operation(operationId = "updateCustomer", summary = "Update a customer",
            description = "Only the fields present change; metadata is replaced whole. Scope customers:write.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UpdateCustomerRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "The updated customer",
                            headers = @io.swagger.v3.oas.annotations.headers.Header(name = IdempotentWrites.REPLAYED,
                                    description = REPLAYED_DESCRIPTION, schema = @Schema(type = "string", allowableValues = "true")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CustomerResponse.class))),
                    @ApiResponse(responseCode = "422", description = "idempotency_key_reused", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "idempotency_key_reused", value = ProblemExamples.IDEMPOTENCY_KEY_REUSED))),
                    @ApiResponse(responseCode = "404", description = "customer_not_found", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "customer_not_found", value = ProblemExamples.CUSTOMER_NOT_FOUND))),
                    @ApiResponse(responseCode = "409", description = "customer_email_taken or customer_external_id_taken; idempotency_key_in_use (with Retry-After)", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "customer_email_taken", value = ProblemExamples.EMAIL_TAKEN)))})
    public HttpResponse<?> update(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(hidden = true) HttpRequest<?> request,
            @Parameter(description = ID_DESCRIPTION) @PathVariable String id,
            @Parameter(name = IdempotentWrites.HEADER, in = ParameterIn.HEADER, description = IdempotentWrites.DESCRIPTION,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255))
            @Header(IdempotentWrites.HEADER) @Nullable String idempotencyKey,
            @Parameter(hidden = true) @Body @Valid UpdateCustomerRequest body) {
        return idempotentWrites.run(request, principal.tenantId(), idempotencyKey, JsonRequestReader.rawBody(request), () ->
                HttpResponse.ok(CustomerResponse.from(updateCustomer.update(
                        body.toCommand(principal.tenantId(), customerId(id))))));
    }

    @Delete("/{id}")
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer",
            description = "Cancels its active subscriptions, voids its unpaid invoices and deletes it, in one transaction. "
                    + "Irreversible. Scope customers:write.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Deleted",
                            headers = @io.swagger.v3.oas.annotations.headers.Header(name = IdempotentWrites.REPLAYED,
                                    description = REPLAYED_DESCRIPTION, schema = @Schema(type = "string", allowableValues = "true")),
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = DeletedCustomerResponse.class))),
                    @ApiResponse(responseCode = "409", description = "idempotency_key_in_use (with Retry-After)", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "idempotency_key_in_use", value = ProblemExamples.IDEMPOTENCY_KEY_IN_USE))),
                    @ApiResponse(responseCode = "422", description = "idempotency_key_reused", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "idempotency_key_reused", value = ProblemExamples.IDEMPOTENCY_KEY_REUSED))),
                    @ApiResponse(responseCode = "404", description = "customer_not_found", content = @Content(mediaType = ApiDocumentation.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "customer_not_found", value = ProblemExamples.CUSTOMER_NOT_FOUND)))})
    public HttpResponse<?> delete(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(hidden = true) HttpRequest<?> request,
            @Parameter(description = ID_DESCRIPTION) @PathVariable String id,
            @Parameter(name = IdempotentWrites.HEADER, in = ParameterIn.HEADER, description = IdempotentWrites.DESCRIPTION,
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255))
            @Header(IdempotentWrites.HEADER) @Nullable String idempotencyKey) {
        return idempotentWrites.run(request, principal.tenantId(), idempotencyKey, null, () ->
                HttpResponse.ok(DeletedCustomerResponse.from(deleteCustomer.delete(principal.tenantId(), customerId(id)))));
    }

    @Get
    @RequiresScope(Scope.CUSTOMERS_READ)
    @Operation(operationId = "listCustomers", summary = "List and search customers",
            description = "A page of your customers, filtered, searched and sorted; ties are broken by id. Pages by "
                    + "page number (page, limit) or by keyset (startingAfter or endingBefore, a customer id, with limit): "
                    + "a keyset page costs the same at any depth and skips or repeats no customer while others are "
                    + "created or deleted; it reports page 1 and the total of the whole list. A cursor that is no "
                    + "customer of yours answers 400 validation_failed naming the parameter. Scope customers:read.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "A page of customers. Up to 1,000 matches total is "
                            + "exact; beyond, it is the database's estimate and the header X-Total-Estimated: true says so "
                            + "(hasMore is always exact)",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = CustomerListResponse.class)))})
    public HttpResponse<CustomerListResponse> list(@Parameter(hidden = true) ApiPrincipal principal,
            @Parameter(description = "Page number, from 1", schema = @Schema(type = "integer", minimum = "1", maximum = "1000000", defaultValue = "1"))
            @QueryValue @Nullable String page,
            @Parameter(description = "Customers per page", schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryValue @Nullable String limit,
            @Parameter(description = "Case-insensitive substring of name or email; % _ \\ match themselves", example = "sarah",
                    schema = @Schema(type = "string", maxLength = 100))
            @QueryValue @Nullable String search,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"active", "inactive"}))
            @QueryValue @Nullable String status,
            @Parameter(description = "ISO 3166-1 alpha-2, any case", schema = @Schema(type = "string", pattern = "^[A-Za-z]{2}$"))
            @QueryValue @Nullable String country,
            @Parameter(description = "ISO 4217, any case", schema = @Schema(type = "string", pattern = "^[A-Za-z]{3}$"))
            @QueryValue @Nullable String currency,
            @Parameter(description = "Exact external id", schema = @Schema(type = "string", maxLength = 255))
            @QueryValue @Nullable String externalId,
            @Parameter(description = "Exact email, case-insensitive", schema = @Schema(type = "string", maxLength = 254))
            @QueryValue @Nullable String email,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"createdAt", "updatedAt", "name", "email"}, defaultValue = "createdAt"))
            @QueryValue @Nullable String sortBy,
            @Parameter(schema = @Schema(type = "string", allowableValues = {"asc", "desc"}, defaultValue = "desc"))
            @QueryValue @Nullable String sortOrder,
            @Parameter(description = "Keyset paging: the page right after this customer (an id from the last page) in "
                    + "the chosen order; not with page or endingBefore. Stable while customers are created and deleted",
                    example = "cust_01jq3v6x9c4m2k8d7f5h1n0p2r", schema = @Schema(type = "string"))
            @QueryValue @Nullable String startingAfter,
            @Parameter(description = "Keyset paging: the page right before this customer in the chosen order (hasMore "
                    + "then says whether more lie before it); not with page or startingAfter",
                    example = "cust_01jq3v6x9c4m2k8d7f5h1n0p2r", schema = @Schema(type = "string"))
            @QueryValue @Nullable String endingBefore) {
        CustomerListParameters parameters = new CustomerListParameters(page, limit, search, status, country, currency,
                externalId, email, sortBy, sortOrder, startingAfter, endingBefore);
        CustomerPage result = listCustomers.list(parameters.toCriteria(principal.tenantId()));
        MutableHttpResponse<CustomerListResponse> response = HttpResponse.ok(CustomerListResponse.from(result));
        return result.totalIsExact() ? response : response.header(TOTAL_ESTIMATED, "true");
    }

    /** A malformed id is answered exactly like a missing customer: 404 {@code customer_not_found}. */
    private static CustomerId customerId(String raw) {
        return CustomerId.parse(raw).orElseThrow(() -> new CustomerNotFoundException(raw));
    }
}
