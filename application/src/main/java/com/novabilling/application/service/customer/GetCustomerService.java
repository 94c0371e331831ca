package com.novabilling.application.service.customer;

import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.in.customer.GetCustomerQuery;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.CustomerNotFoundException;
import com.novabilling.domain.shared.TenantId;

public final class GetCustomerService implements GetCustomerQuery {

    private final CustomerReadModel readModel;

    public GetCustomerService(CustomerReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public CustomerView get(TenantId tenantId, CustomerId customerId) {
        return readModel.findView(tenantId, customerId)
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
    }
}
