package com.novabilling.application.port.shared.customer;

import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.shared.Money;

import java.util.Objects;

/**
 * A customer as the API shows it: the aggregate plus what is derived from its billing records,
 * {@code totalSpent} (paid invoices, in the customer's currency) and {@code activeSubscriptions}.
 */
public record CustomerView(Customer customer, Money totalSpent, long activeSubscriptions) {

    public CustomerView {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(totalSpent, "totalSpent");
    }

    /** A customer with no billing records yet. */
    public static CustomerView withoutBilling(Customer customer) {
        return new CustomerView(customer, Money.zero(customer.currency()), 0);
    }
}
