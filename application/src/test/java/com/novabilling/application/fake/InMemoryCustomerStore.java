package com.novabilling.application.fake;

import com.novabilling.application.port.shared.customer.CustomerListCriteria;
import com.novabilling.application.port.shared.customer.CustomerPage;
import com.novabilling.application.port.shared.customer.CustomerSortField;
import com.novabilling.application.port.shared.customer.CustomerView;
import com.novabilling.application.port.shared.customer.SortOrder;
import com.novabilling.application.port.out.customer.BillingRecords;
import com.novabilling.application.port.out.customer.CustomerReadModel;
import com.novabilling.application.port.out.customer.CustomerRepository;
import com.novabilling.application.port.out.customer.TenantDefaults;
import com.novabilling.domain.customer.CurrencyCode;
import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerEmailTakenException;
import com.novabilling.domain.customer.CustomerExternalIdTakenException;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.webhook.DeliveryId;
import com.novabilling.domain.shared.Money;
import com.novabilling.domain.shared.TenantId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The customer store in memory, behaving as the PostgreSQL adapter does (the contract suite runs against
 * both). Customers are kept as copies, so a caller mutating an aggregate changes nothing until it calls
 * {@link #update}.
 */
public final class InMemoryCustomerStore implements CustomerRepository, CustomerReadModel, BillingRecords, TenantDefaults {

    private final Map<Key, Customer> customers = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Invoice> invoices = new ArrayList<>();
    private final Map<TenantId, CurrencyCode> defaultCurrencies = new HashMap<>();
    /** Every (customer, event) pair {@link #insertCreated} stored, in order. */
    public final List<Created> created = new ArrayList<>();
    /** Where {@link #insertCreated} appends the event and queues its deliveries; none: the event is kept only. */
    private InMemoryEvents outbox;
    private final Random deliveryIds = new Random(3);

    /** What one {@link #insertCreated} received. */
    public record Created(Customer customer, Event event) {
    }

    /** Makes {@link #insertCreated} write its event and deliveries into {@code events}, as the real adapters do. */
    public InMemoryCustomerStore withOutbox(InMemoryEvents events) {
        this.outbox = events;
        return this;
    }

    private record Key(TenantId tenantId, CustomerId customerId) {
    }

    public static final class Subscription {
        final TenantId tenantId;
        final CustomerId customerId;
        String status;

        Subscription(TenantId tenantId, CustomerId customerId, String status) {
            this.tenantId = tenantId;
            this.customerId = customerId;
            this.status = status;
        }
    }

    public static final class Invoice {
        final TenantId tenantId;
        final CustomerId customerId;
        final String currency;
        final BigDecimal amountPaid;
        String status;

        Invoice(TenantId tenantId, CustomerId customerId, String status, String currency, BigDecimal amountPaid) {
            this.tenantId = tenantId;
            this.customerId = customerId;
            this.status = status;
            this.currency = currency;
            this.amountPaid = amountPaid;
        }
    }

    public void setDefaultCurrency(TenantId tenantId, CurrencyCode currency) {
        defaultCurrencies.put(tenantId, currency);
    }

    public void addSubscription(TenantId tenantId, CustomerId customerId, String status) {
        subscriptions.add(new Subscription(tenantId, customerId, status));
    }

    public void addInvoice(TenantId tenantId, CustomerId customerId, String status, String currency, BigDecimal amountPaid) {
        invoices.add(new Invoice(tenantId, customerId, status, currency, amountPaid));
    }

    public List<String> subscriptionStatuses(TenantId tenantId, CustomerId customerId) {
        return subscriptions.stream().filter(s -> s.tenantId.equals(tenantId) && s.customerId.equals(customerId))
                .map(s -> s.status).sorted().toList();
    }

    public List<String> invoiceStatuses(TenantId tenantId, CustomerId customerId) {
        return invoices.stream().filter(i -> i.tenantId.equals(tenantId) && i.customerId.equals(customerId))
                .map(i -> i.status).sorted().toList();
    }

    public int size() {
        return customers.size();
    }

    // --- CustomerRepository

    @Override
    public synchronized void insert(Customer customer) {
        checkUnique(customer);
        customers.put(new Key(customer.tenantId(), customer.id()), copy(customer));
    }

    /** The port's rule: customer, event, one delivery per endpoint of the tenant that receives the type; all or nothing. */
    @Override
    public synchronized void insertCreated(Customer customer, Event event) {
        checkUnique(customer);
        customers.put(new Key(customer.tenantId(), customer.id()), copy(customer));
        created.add(new Created(copy(customer), event));
        if (outbox != null) {
            outbox.append(event);
            List<PendingDelivery> queued = outbox.list(customer.tenantId()).stream()
                    .filter(e -> e.receives(event.type()))
                    .map(e -> new PendingDelivery(DeliveryId.generate(event.createdAt(), deliveryIds), event.tenantId(),
                            e.id(), event.id(), event.createdAt()))
                    .toList();
            if (!queued.isEmpty()) {
                outbox.enqueue(queued);
            }
        }
    }

    @Override
    public synchronized void update(Customer customer) {
        Key key = new Key(customer.tenantId(), customer.id());
        if (!customers.containsKey(key)) {
            throw new IllegalStateException("update of a customer never inserted: " + key);
        }
        checkUnique(customer);
        customers.put(key, copy(customer));
    }

    @Override
    public synchronized Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId) {
        return Optional.ofNullable(customers.get(new Key(tenantId, customerId))).map(InMemoryCustomerStore::copy);
    }

    @Override
    public synchronized boolean delete(TenantId tenantId, CustomerId customerId) {
        return customers.remove(new Key(tenantId, customerId)) != null;
    }

    private void checkUnique(Customer candidate) {
        for (Customer other : customers.values()) {
            if (!other.tenantId().equals(candidate.tenantId()) || other.id().equals(candidate.id())) {
                continue;
            }
            if (other.email().normalized().equals(candidate.email().normalized())) {
                throw new CustomerEmailTakenException(candidate.email());
            }
            if (candidate.externalId().isPresent() && candidate.externalId().equals(other.externalId())) {
                throw new CustomerExternalIdTakenException(candidate.externalId().get());
            }
        }
    }

    private static Customer copy(Customer c) {
        return Customer.restore(c.id(), c.tenantId(), c.email(), c.name(), c.externalId().orElse(null),
                c.country().orElse(null), c.currency(), c.status(), c.metadata(), c.createdAt(), c.updatedAt());
    }

    // --- CustomerReadModel

    @Override
    public synchronized Optional<CustomerView> findView(TenantId tenantId, CustomerId customerId) {
        return Optional.ofNullable(customers.get(new Key(tenantId, customerId))).map(this::view);
    }

    @Override
    public synchronized CustomerPage list(CustomerListCriteria criteria) {
        Comparator<Customer> order = order(criteria.sortBy(), criteria.sortOrder());
        List<Customer> matching = customers.values().stream().filter(matches(criteria)).sorted(order).toList();
        if (criteria.isKeyset()) {
            Customer cursor = customers.get(new Key(criteria.tenantId(), criteria.cursor()));
            if (cursor == null) {
                throw criteria.unknownCursor();
            }
            var slice = CustomerPage.keyset(matching, order, cursor, criteria.endingBefore() != null, criteria.limit());
            return new CustomerPage(slice.rows().stream().map(this::view).toList(), matching.size(), true, 1,
                    criteria.limit(), slice.hasMore());
        }
        List<CustomerView> page = matching.stream().skip(criteria.offset()).limit(criteria.limit())
                .map(this::view).toList();
        return CustomerPage.counted(page, matching.size(), criteria.page(), criteria.limit());
    }

    private static Predicate<Customer> matches(CustomerListCriteria c) {
        return customer -> customer.tenantId().equals(c.tenantId())
                && (c.status() == null || customer.status() == c.status())
                && (c.country() == null || customer.country().equals(Optional.of(c.country())))
                && (c.currency() == null || customer.currency().equals(c.currency()))
                && (c.externalId() == null || customer.externalId().equals(Optional.of(c.externalId())))
                && (c.email() == null || customer.email().normalized().equals(c.email().normalized()))
                && (c.search() == null || contains(customer.name().value(), c.search())
                    || contains(customer.email().value(), c.search()));
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static Comparator<Customer> order(CustomerSortField field, SortOrder direction) {
        Comparator<Customer> byField = switch (field) {
            case CREATED_AT -> Comparator.comparing(Customer::createdAt);
            case UPDATED_AT -> Comparator.comparing(Customer::updatedAt);
            case NAME -> (a, b) -> compareCodePoints(a.name().value(), b.name().value());
            case EMAIL -> (a, b) -> compareCodePoints(a.email().normalized(), b.email().normalized());
        };
        Comparator<Customer> total = byField.thenComparing(c -> c.id().value());
        return direction == SortOrder.DESC ? total.reversed() : total;
    }

    /** PostgreSQL's binary order of UTF-8 text: by code point, not by UTF-16 unit. */
    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private CustomerView view(Customer customer) {
        BillingSummary billing = summarize(customer.tenantId(), customer.id(), customer.currency());
        return new CustomerView(copy(customer), billing.totalSpent(), billing.activeSubscriptions());
    }

    // --- BillingRecords

    @Override
    public synchronized int cancelActiveSubscriptions(TenantId tenantId, CustomerId customerId) {
        int n = 0;
        for (Subscription s : subscriptions) {
            if (s.tenantId.equals(tenantId) && s.customerId.equals(customerId) && s.status.equals("active")) {
                s.status = "canceled";
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int voidUnpaidInvoices(TenantId tenantId, CustomerId customerId) {
        int n = 0;
        for (Invoice i : invoices) {
            if (i.tenantId.equals(tenantId) && i.customerId.equals(customerId)
                    && List.of("draft", "open", "uncollectible").contains(i.status)) {
                i.status = "void";
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized BillingSummary summarize(TenantId tenantId, CustomerId customerId, CurrencyCode currency) {
        BigDecimal paid = invoices.stream()
                .filter(i -> i.tenantId.equals(tenantId) && i.customerId.equals(customerId)
                        && i.status.equals("paid") && i.currency.equals(currency.value()))
                .map(i -> i.amountPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
        long active = subscriptions.stream()
                .filter(s -> s.tenantId.equals(tenantId) && s.customerId.equals(customerId) && s.status.equals("active"))
                .count();
        return new BillingSummary(new Money(paid, currency), active);
    }

    // --- TenantDefaults

    @Override
    public CurrencyCode defaultCurrency(TenantId tenantId) {
        return Objects.requireNonNullElse(defaultCurrencies.get(tenantId), CurrencyCode.USD);
    }
}
