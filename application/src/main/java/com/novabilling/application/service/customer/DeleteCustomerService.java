package com.novabilling.application.service.customer;

import com.novabilling.application.port.in.customer.DeleteCustomerUseCase;
import com.novabilling.application.port.in.customer.DeletedCustomer;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.BillingRecords.BillingSummary;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.service.event.EventRecorder;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.shared.TenantId;

public final class DeleteCustomerService implements DeleteCustomerUseCase {

    private final CustomerRepository customers;
    private final BillingRecords billingRecords;
    private final EventRecorder events;

    public DeleteCustomerService(CustomerRepository customers, BillingRecords billingRecords, EventRecorder events) {
        this.events = events;
        this.customers = customers;
        this.billingRecords = billingRecords;
    }

    @Override
    public DeletedCustomer delete(TenantId tenantId, CustomerId customerId) {
        // the row lock makes concurrent deletes of one customer queue up: the second one finds nothing
        Customer customer = customers.findForUpdate(tenantId, customerId)
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
        BillingSummary billing = billingRecords.summarize(tenantId, customerId, customer.currency());
        int canceled = billingRecords.cancelActiveSubscriptions(tenantId, customerId);
        int voided = billingRecords.voidUnpaidInvoices(tenantId, customerId);
        if (!customers.delete(tenantId, customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        events.customerDeleted(new CustomerView(customer, billing.totalSpent(), billing.activeSubscriptions()),
                canceled, voided);
        return new DeletedCustomer(customerId, canceled, voided);
    }
}
