package com.novabilling.adapter.in.rest.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.shared.customer.CustomerPage;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import java.util.List;

/** One page of customers and where it stands in the whole result. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "CustomerList", description = "One page of customers")
public record CustomerListResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED) List<CustomerResponse> data,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Customers matching the query, over all pages: exact up to 1,000, an estimate beyond (see X-Total-Estimated)") long total,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1") int page,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "100") int limit,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0") long totalPages,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Whether a later page holds more customers") boolean hasMore) {

    public static CustomerListResponse from(CustomerPage page) {
        return new CustomerListResponse(
                page.data().stream().map(CustomerResponse::from).toList(),
                page.total(),
                page.page(),
                page.limit(),
                page.totalPages(),
                page.hasMore());
    }
}
