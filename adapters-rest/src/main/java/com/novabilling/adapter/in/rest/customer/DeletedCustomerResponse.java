package com.novabilling.adapter.in.rest.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.novabilling.application.port.in.customer.DeletedCustomer;
import io.micronaut.serde.annotation.Serdeable;

/** What a delete did: the customer is gone; its active subscriptions were canceled, unpaid invoices voided. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeletedCustomerResponse(String id, boolean deleted, int canceledSubscriptions, int voidedInvoices) {

    public static DeletedCustomerResponse from(DeletedCustomer deleted) {
        return new DeletedCustomerResponse(deleted.id().value(), true, deleted.canceledSubscriptions(),
                deleted.voidedInvoices());
    }
}
