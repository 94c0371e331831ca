package com.novabilling.application.service.customer;

import com.novabilling.application.port.in.customer.CreateCustomerCommand;
import com.novabilling.application.port.in.customer.CreateCustomerUseCase;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.application.service.event.EventRecorder;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;

import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

public final class CreateCustomerService implements CreateCustomerUseCase {

    private final CustomerRepository customers;
    private final TenantDefaults tenantDefaults;
    private final Clock clock;
    private final RandomGenerator random;
    private final EventRecorder events;

    public CreateCustomerService(CustomerRepository customers, TenantDefaults tenantDefaults, Clock clock,
                                 RandomGenerator random, EventRecorder events) {
        this.events = events;
        this.customers = customers;
        this.tenantDefaults = tenantDefaults;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CustomerView create(CreateCustomerCommand command) {
        Instant now = clock.instant();
        CurrencyCode currency = command.currency() != null
                ? command.currency()
                : tenantDefaults.defaultCurrency(command.tenantId());
        Customer customer = Customer.register(
                CustomerId.generate(now, random),
                command.tenantId(),
                command.email(),
                command.name(),
                command.externalId(),
                command.country(),
                currency,
                command.status(),
                command.metadata(),
                now);
        CustomerView created = CustomerView.withoutBilling(customer);
        // the customer, its customer.created event and the event's deliveries: one atomic write of the port
        customers.insertCreated(customer, events.newCustomerCreated(created));
        return created;
    }
}
