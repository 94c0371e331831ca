package com.novabilling.application.service.customer;

import com.novabilling.application.port.in.customer.DeleteCustomerUseCase;
import com.novabilling.application.port.in.customer.DeletedCustomer;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.shared.TenantId;

public final class DeleteCustomerService implements DeleteCustomerUseCase {

    private final CustomerRepository customers;
    private final BillingRecords billingRecords;

    public DeleteCustomerService(CustomerRepository customers, BillingRecords billingRecords) {
        this.customers = customers;
        this.billingRecords = billingRecords;
    }

    @Override
    public DeletedCustomer delete(TenantId tenantId, CustomerId customerId) {
        // the row lock makes concurrent deletes of one customer queue up: the second one finds nothing
        customers.findForUpdate(tenantId, customerId)
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
        int canceled = billingRecords.cancelActiveSubscriptions(tenantId, customerId);
        int voided = billingRecords.voidUnpaidInvoices(tenantId, customerId);
        if (!customers.delete(tenantId, customerId)) {
            throw new CustomerNotFoundException(customerId);
        }
        return new DeletedCustomer(customerId, canceled, voided);
    }
}
