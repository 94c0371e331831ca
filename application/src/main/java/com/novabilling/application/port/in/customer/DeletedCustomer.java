package com.novabilling.application.port.in.customer;

import com.novabilling.domain.customer.CustomerId;

/** What a delete did: the customer is gone, this many subscriptions were canceled and invoices voided. */
public record DeletedCustomer(CustomerId id, int canceledSubscriptions, int voidedInvoices) {
}
