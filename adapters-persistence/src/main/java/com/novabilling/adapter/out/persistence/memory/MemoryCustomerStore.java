package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.adapter.out.persistence.memory.MemoryStore.RowKey;
import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.application.port.out.customer.BillingRecords.BillingSummary;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.customer.ExternalId;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.shared.TenantId;

import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Customers in memory, with PostgreSQL's rules: the tenant must exist; email unique per tenant compared by
 * {@code lower()}, external id unique per tenant when present (the domain's conflict errors); lists filtered,
 * searched (a literal, case-insensitive substring of name or email), sorted with the id as tie-break and
 * paged like the PostgreSQL read model, with an exact total. Aggregates are stored and handed out as copies,
 * so a caller changing one changes nothing until it calls {@link #update}.
 */
public final class MemoryCustomerStore implements CustomerRepository, CustomerReadModel {

    /** Delivery ids of {@link #insertCreated} (PostgreSQL makes them in SQL from gen_random_uuid()). */
    private static final SecureRandom DELIVERY_IDS = new SecureRandom();

    private final MemoryStore store;
    private final MemoryBillingRecords billing;
    private final MemoryEventStore events;
    private final MemoryDeliveryStore deliveries;

    public MemoryCustomerStore(MemoryStore store, MemoryBillingRecords billing) {
        this.store = store;
        this.billing = billing;
        this.events = new MemoryEventStore(store);
        this.deliveries = new MemoryDeliveryStore(store);
    }

    private static RowKey key(TenantId tenantId, CustomerId customerId) {
        return new RowKey(tenantId.value(), customerId.value());
    }

    private static RowKey emailKey(Customer c) {
        return new RowKey(c.tenantId().value(), MemoryStore.lower(c.email().value()));
    }

    private static Optional<RowKey> externalIdKey(Customer c) {
        return c.externalId().map(e -> new RowKey(c.tenantId().value(), e.value()));
    }

    @Override
    public void insert(Customer customer) {
        store.write(() -> {
            if (!store.tenants.containsKey(customer.tenantId().value())) {
                throw new IllegalStateException("customer of a tenant that is not stored: " + customer.tenantId());
            }
            RowKey key = key(customer.tenantId(), customer.id());
            if (store.customers.containsKey(key)) {
                throw new IllegalStateException("a customer with this id is stored: " + customer.id());
            }
            checkUnique(customer, key);
            put(key, customer.copy());
            store.undo(() -> remove(key));
            return null;
        });
    }

    /**
     * One critical section (the store's write lock), every check before the first change: the customer (tenant,
     * id, uniqueness: the domain's conflict errors), then its event and one delivery per endpoint of the tenant
     * that receives the event's type. Inside a transaction each change is undoable like any other.
     */
    @Override
    public void insertCreated(Customer customer, Event created) {
        if (!created.tenantId().equals(customer.tenantId())) {
            throw new IllegalArgumentException("an event of another tenant than its customer's: " + created.id());
        }
        store.write(() -> {
            if (store.events.containsKey(new RowKey(created.tenantId().value(), created.id().value()))) {
                throw new IllegalStateException("an event with this id is stored: " + created.id());
            }
            insert(customer);
            events.append(created);
            List<PendingDelivery> queued = PendingDelivery.toEach(store.webhookEndpoints.values().stream()
                    .filter(e -> e.tenantId().equals(created.tenantId()) && e.receives(created.type())).toList(),
                    created, created.createdAt(), DELIVERY_IDS);
            if (!queued.isEmpty()) {
                deliveries.enqueue(queued);
            }
            return null;
        });
    }

    @Override
    public void update(Customer customer) {
        store.write(() -> {
            RowKey key = key(customer.tenantId(), customer.id());
            Customer before = store.customers.get(key);
            if (before == null) {
                throw new IllegalStateException("update of a customer that is not stored: " + customer.id());
            }
            checkUnique(customer, key);
            remove(key);
            put(key, customer.copy());
            store.undo(() -> {
                remove(key);
                put(key, before);
            });
            if (!customer.currency().equals(before.currency())) {
                billing.recountTotalSpent(key.tenantId(), key.id(), customer.currency());
            }
            return null;
        });
    }

    private void checkUnique(Customer candidate, RowKey key) {
        RowKey emailHolder = store.customersByEmail.get(emailKey(candidate));
        if (emailHolder != null && !emailHolder.equals(key)) {
            throw new CustomerEmailTakenException(candidate.email());
        }
        Optional<RowKey> externalId = externalIdKey(candidate);
        if (externalId.isPresent()) {
            RowKey holder = store.customersByExternalId.get(externalId.get());
            if (holder != null && !holder.equals(key)) {
                throw new CustomerExternalIdTakenException(candidate.externalId().orElseThrow());
            }
        }
    }

    private void put(RowKey key, Customer customer) {
        store.customers.put(key, customer);
        store.customersByEmail.put(emailKey(customer), key);
        externalIdKey(customer).ifPresent(e -> store.customersByExternalId.put(e, key));
    }

    private Customer remove(RowKey key) {
        Customer removed = store.customers.remove(key);
        if (removed != null) {
            store.customersByEmail.remove(emailKey(removed));
            externalIdKey(removed).ifPresent(store.customersByExternalId::remove);
        }
        return removed;
    }

    /**
     * The customer, as a copy. Inside a transaction the store is locked until it ends, so the row stays as
     * read; outside one this is a plain read.
     */
    @Override
    public Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId) {
        return store.read(() -> Optional.ofNullable(store.customers.get(key(tenantId, customerId)))
                .map(Customer::copy));
    }

    @Override
    public boolean delete(TenantId tenantId, CustomerId customerId) {
        return store.write(() -> {
            RowKey key = key(tenantId, customerId);
            Customer removed = remove(key);
            if (removed != null) {
                store.undo(() -> put(key, removed));
            }
            return removed != null;
        });
    }

    @Override
    public Optional<CustomerView> findView(TenantId tenantId, CustomerId customerId) {
        return store.read(() -> Optional.ofNullable(store.customers.get(key(tenantId, customerId))).map(this::view));
    }

    /**
     * Every matching customer is sorted; the page is limit rows from the offset, or from the cursor's place in
     * the order; the total is always exact.
     */
    @Override
    public CustomerPage list(CustomerListCriteria criteria) {
        return store.read(() -> {
            Comparator<Customer> order = order(criteria.sortBy(), criteria.sortOrder());
            List<Customer> matching = store.customers.values().stream().filter(matches(criteria))
                    .sorted(order).toList();
            if (criteria.isKeyset()) {
                Customer cursor = store.customers.get(key(criteria.tenantId(), criteria.cursor()));
                if (cursor == null) {
                    throw criteria.unknownCursor();
                }
                var slice = CustomerPage.keyset(matching, order, cursor, criteria.endingBefore() != null,
                        criteria.limit());
                return new CustomerPage(slice.rows().stream().map(this::view).toList(), matching.size(), true, 1,
                        criteria.limit(), slice.hasMore());
            }
            List<CustomerView> page = matching.stream().skip(criteria.offset()).limit(criteria.limit())
                    .map(this::view).toList();
            return CustomerPage.counted(page, matching.size(), criteria.page(), criteria.limit());
        });
    }

    private static Predicate<Customer> matches(CustomerListCriteria c) {
        String tenant = c.tenantId().value();
        String email = c.email() == null ? null : MemoryStore.lower(c.email().value());
        String search = c.search() == null ? null : MemoryStore.lower(c.search());
        return customer -> customer.tenantId().value().equals(tenant)
                && (c.status() == null || customer.status() == c.status())
                && (c.country() == null || customer.country().filter(c.country()::equals).isPresent())
                && (c.currency() == null || customer.currency().equals(c.currency()))
                && (c.externalId() == null
                    || customer.externalId().map(ExternalId::value).filter(c.externalId().value()::equals).isPresent())
                && (email == null || MemoryStore.lower(customer.email().value()).equals(email))
                && (search == null || searchText(customer).contains(search));
    }

    /**
     * What a search looks in, as PostgreSQL's {@code search_text}: lower-cased name and email joined by
     * U+0001, a character no name, email or term may hold, so a term never matches across the two.
     */
    private static String searchText(Customer c) {
        return MemoryStore.lower(c.name().value()) + '\u0001' + MemoryStore.lower(c.email().value());
    }

    private static Comparator<Customer> order(CustomerSortField field, SortOrder direction) {
        Comparator<Customer> byField = switch (field) {
            case CREATED_AT -> Comparator.comparing(Customer::createdAt);
            case UPDATED_AT -> Comparator.comparing(Customer::updatedAt);
            case NAME -> (a, b) -> MemoryStore.compareCodePoints(a.name().value(), b.name().value());
            case EMAIL -> (a, b) -> MemoryStore.compareCodePoints(MemoryStore.lower(a.email().value()),
                    MemoryStore.lower(b.email().value()));
        };
        Comparator<Customer> total = byField.thenComparing(c -> c.id().value());
        return direction == SortOrder.DESC ? total.reversed() : total;
    }

    private CustomerView view(Customer customer) {
        BillingSummary billing = this.billing.summarize(customer.tenantId(), customer.id(), customer.currency());
        return new CustomerView(customer.copy(), billing.totalSpent(), billing.activeSubscriptions());
    }
}
