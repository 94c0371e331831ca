package com.novabilling.application.service.customer;

import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.in.customer.UpdateCustomerCommand;
import com.novabilling.application.port.in.customer.UpdateCustomerUseCase;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.BillingRecords.BillingSummary;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.service.event.EventRecorder;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerNotFoundException;

import java.time.Clock;
import java.time.Instant;

public final class UpdateCustomerService implements UpdateCustomerUseCase {

    private final CustomerRepository customers;
    private final BillingRecords billingRecords;
    private final Clock clock;
    private final EventRecorder events;

    public UpdateCustomerService(CustomerRepository customers, BillingRecords billingRecords, Clock clock,
                                 EventRecorder events) {
        this.events = events;
        this.customers = customers;
        this.billingRecords = billingRecords;
        this.clock = clock;
    }

    @Override
    public CustomerView update(UpdateCustomerCommand command) {
        Customer customer = customers.findForUpdate(command.tenantId(), command.customerId())
                .orElseThrow(() -> new CustomerNotFoundException(command.customerId()));
        Customer before = customer.copy();
        Instant now = clock.instant();
        if (command.email() != null) {
            customer.changeEmail(command.email(), now);
        }
        if (command.name() != null) {
            customer.rename(command.name(), now);
        }
        if (command.externalId() != null) {
            customer.changeExternalId(command.externalId().newValue(), now);
        }
        if (command.country() != null) {
            customer.changeCountry(command.country().newValue(), now);
        }
        if (command.currency() != null) {
            customer.changeCurrency(command.currency(), now);
        }
        if (command.status() != null) {
            customer.changeStatus(command.status(), now);
        }
        if (command.metadata() != null) {
            customer.replaceMetadata(command.metadata(), now);
        }
        // totalSpent counts paid invoices in the customer's currency: a new currency may change it, so the old
        // totals are read before the update (a store may keep them on the row and recount them as it saves)
        BillingSummary old = before.currency().equals(customer.currency()) ? null
                : billingRecords.summarize(before.tenantId(), before.id(), before.currency());
        if (!command.changesNothing()) {
            // saved whenever a field was given: an unchanged updatedAt (same millisecond) does not mean "no change"
            customers.update(customer);
        }
        BillingSummary billing = billingRecords.summarize(customer.tenantId(), customer.id(), customer.currency());
        CustomerView after = new CustomerView(customer, billing.totalSpent(), billing.activeSubscriptions());
        if (!customer.hasSameValuesAs(before)) {
            BillingSummary previous = old == null ? billing : old;
            events.customerUpdated(new CustomerView(before, previous.totalSpent(), previous.activeSubscriptions()), after);
        }
        return after;
    }
}
