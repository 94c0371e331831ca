package com.novabilling.adapter.in.rest.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.in.customer.DeletedCustomer;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** What a delete did: the customer is gone; its active subscriptions were canceled, unpaid invoices voided. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "DeletedCustomer")
public record DeletedCustomerResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "cust_01jq3v6x9c4m2k8d7f5h1n0p2r") String id,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "Always true") boolean deleted,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Active subscriptions canceled") int canceledSubscriptions,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", description = "Unpaid invoices voided") int voidedInvoices) {

    public static DeletedCustomerResponse from(DeletedCustomer deleted) {
        return new DeletedCustomerResponse(deleted.id().value(), true, deleted.canceledSubscriptions(),
                deleted.voidedInvoices());
    }
}
