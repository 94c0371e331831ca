package com.novabilling.bootstrap;

import com.novabilling.application.port.in.customer.CreateCustomerUseCase;
import com.novabilling.application.port.in.customer.DeleteCustomerUseCase;
import com.novabilling.application.port.in.customer.GetCustomerQuery;
import com.novabilling.application.port.in.customer.ListCustomersQuery;
import com.novabilling.application.port.in.customer.UpdateCustomerUseCase;
import com.novabilling.application.port.in.customer.VerifyBillingTotalsUseCase;
import com.novabilling.application.port.out.customer.BillingTotalsAudit;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.application.service.customer.CachedTenantDefaults;
import com.novabilling.application.service.customer.CreateCustomerService;
import com.novabilling.application.service.customer.DeleteCustomerService;
import com.novabilling.application.service.customer.GetCustomerService;
import com.novabilling.application.service.customer.ListCustomersService;
import com.novabilling.application.service.customer.UpdateCustomerService;
import com.novabilling.application.service.customer.VerifyBillingTotalsService;
import com.novabilling.application.service.event.EventRecorder;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import com.novabilling.adapter.out.persistence.postgres.TrackCommits;
import com.novabilling.adapter.out.persistence.postgres.TranslateStoreFailures;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Creates the customer use cases. The services carry no annotations; the write use cases update and delete run
 * in one transaction because their factory method is {@code @Transactional} (Micronaut proxies the returned
 * interface), a create is one atomic write without one (see {@link #createCustomer}).
 * {@code @TranslateStoreFailures} turns a connection failure of the transaction manager itself into the out-port's
 * StoreUnavailableException. The writes record their events ({@link EventRecorder}, the outbox) atomically with
 * their change. The reads are single statements on one connection and
 * need no transaction. {@code NOVABILLING_TENANT_DEFAULTS_CACHE_TTL} is checked at start ({@code @Context}): the
 * use cases are made for the first request, where a bad value answered every request with a 500.
 */
@Context
@Factory
class CustomerServicesFactory {

    /** Tenants whose default currency is kept in memory at once (past it the cache starts over). */
    static final int MAX_CACHED_TENANTS = 10_000;

    private final Duration tenantDefaultsTtl;

    CustomerServicesFactory(@Value("${novabilling.tenant-defaults-cache-ttl:10s}") Duration tenantDefaultsTtl) {
        if (tenantDefaultsTtl.isNegative()) {
            throw new ConfigurationException("NOVABILLING_TENANT_DEFAULTS_CACHE_TTL (" + tenantDefaultsTtl
                    + ") must not be negative (0 keeps nothing)");
        }
        this.tenantDefaultsTtl = tenantDefaultsTtl;
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** For ids and API key secrets alike: SecureRandom, thread-safe. */
    @Singleton
    RandomGenerator secureRandom() {
        return new SecureRandom();
    }

    /**
     * NOT {@code @Transactional}: a create is one atomic write of its out-port
     * ({@code CustomerRepository.insertCreated}: the customer, its {@code customer.created} event and one delivery
     * per subscribed endpoint; on PostgreSQL one statement in autocommit), so a transaction would only add BEGIN and
     * COMMIT round trips. The tenant's default currency, when the request names none, comes from
     * {@link CachedTenantDefaults} (a read before the write). With an Idempotency-Key it runs inside the idempotency
     * transaction (and commits with the key's record). {@code @TranslateStoreFailures}: a connection lost once the
     * statement was sent is "outcome unknown" (the statement commits by itself).
     */
    @Singleton
    @TranslateStoreFailures
    @TrackCommits
    CreateCustomerUseCase createCustomer(CustomerRepository customers, TenantDefaults tenantDefaults, Clock clock,
                                         RandomGenerator random, EventRecorder events) {
        return new CreateCustomerService(customers,
                new CachedTenantDefaults(tenantDefaults, tenantDefaultsTtl, MAX_CACHED_TENANTS, clock), clock, random,
                events);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    UpdateCustomerUseCase updateCustomer(CustomerRepository customers, BillingRecords billingRecords, Clock clock,
                                         EventRecorder events) {
        return new UpdateCustomerService(customers, billingRecords, clock, events);
    }

    @Singleton
    @Transactional
    @TranslateStoreFailures
    @TrackCommits
    DeleteCustomerUseCase deleteCustomer(CustomerRepository customers, BillingRecords billingRecords,
                                         EventRecorder events) {
        return new DeleteCustomerService(customers, billingRecords, events);
    }

    @Singleton
    GetCustomerQuery getCustomer(CustomerReadModel readModel) {
        return new GetCustomerService(readModel);
    }

    @Singleton
    ListCustomersQuery listCustomers(CustomerReadModel readModel) {
        return new ListCustomersService(readModel);
    }

    /** One transaction: a repair holds each corrected customer's row lock until the report is done. */
    @Singleton
    @Transactional
    @TranslateStoreFailures
    VerifyBillingTotalsUseCase verifyBillingTotals(BillingTotalsAudit audit) {
        return new VerifyBillingTotalsService(audit);
    }
}
