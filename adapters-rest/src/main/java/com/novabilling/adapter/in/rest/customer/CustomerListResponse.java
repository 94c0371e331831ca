package com.novabilling.adapter.in.rest.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.in.customer.CustomerPage;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of customers and where it stands in the whole result. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerListResponse(
        List<CustomerResponse> data,
        long total,
        int page,
        int limit,
        long totalPages,
        boolean hasMore) {

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
