package com.novabilling.application.service.customer;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.in.customer.ListCustomersQuery;
import com.novabilling.application.port.out.customer.CustomerReadModel;

public final class ListCustomersService implements ListCustomersQuery {

    private final CustomerReadModel readModel;

    public ListCustomersService(CustomerReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public CustomerPage list(CustomerListCriteria criteria) {
        return readModel.list(criteria);
    }
}
