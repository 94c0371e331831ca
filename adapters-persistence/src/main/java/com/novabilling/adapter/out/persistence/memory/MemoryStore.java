package com.novabilling.adapter.out.persistence.memory;

import com.novabilling.application.port.shared.idempotency.IdempotencyRecord;
import com.novabilling.domain.access.ApiKey;
import com.novabilling.domain.access.Tenant;
import com.novabilling.domain.customer.Customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The data of the in-memory adapter: every table of the PostgreSQL schema as maps, kept until the process
 * exits. One read-write lock guards them all: a read holds the read lock for one call; a write holds the
 * write lock, for one call or, inside a transaction ({@link MemoryTransactionManager}), until the
 * transaction ends, so transactions are serializable and a row read "for update" stays locked. Every
 * change inside a transaction records how to undo itself; a rollback undoes them newest first.
 *
 * <p>The adapters of this package ({@link MemoryCustomerStore}, {@link MemoryBillingRecords},
 * {@link MemoryTenantStore}, {@link MemoryApiKeyStore}, {@link MemoryIdempotencyStore}) share one instance.
 */
public final class MemoryStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Deque<Runnable>> transaction = new ThreadLocal<>();

    // the tables, guarded by lock
    final Map<String, Tenant> tenants = new LinkedHashMap<>();
    final Map<RowKey, ApiKey> apiKeys = new LinkedHashMap<>();
    final Map<String, RowKey> apiKeysBySecret = new HashMap<>();
    final Map<RowKey, Customer> customers = new LinkedHashMap<>();
    final Map<RowKey, RowKey> customersByEmail = new HashMap<>();
    final Map<RowKey, RowKey> customersByExternalId = new HashMap<>();
    final List<Subscription> subscriptions = new ArrayList<>();
    final List<Invoice> invoices = new ArrayList<>();
    final Map<RowKey, IdempotencyRecord> idempotencyKeys = new HashMap<>();
    /** Billing totals per customer key, maintained by every writer of subscriptions and invoices. */
    final Map<RowKey, BillingTotals> billingTotals = new HashMap<>();
    final Map<RowKey, com.novabilling.domain.event.Event> events = new LinkedHashMap<>();
    final Map<RowKey, com.novabilling.domain.webhook.WebhookEndpoint> webhookEndpoints = new LinkedHashMap<>();
    final Map<RowKey, MemoryDeliveryStore.Delivery> deliveries = new LinkedHashMap<>();
    final Map<RowKey, com.novabilling.domain.webhook.DeliveryAttempt> attempts = new LinkedHashMap<>();

    /** A key scoped to a tenant: a primary key ({@code tenantId}, {@code id}) or a per-tenant unique value. */
    record RowKey(String tenantId, String id) {
    }

    /**
     * A customer's maintained billing totals: paid amounts per invoice currency and the count of active
     * subscriptions. The entry of the customer's currency is the one read; a change of currency recounts the new
     * currency's entry from the invoices, as PostgreSQL's trigger recounts {@code total_spent}
     * ({@link MemoryBillingRecords#recountTotalSpent}).
     */
    static final class BillingTotals {
        final Map<String, BigDecimal> paidByCurrency = new HashMap<>();
        long activeSubscriptions;

        BigDecimal paid(String currency) {
            return paidByCurrency.getOrDefault(currency, BigDecimal.ZERO);
        }

        void addPaid(String currency, BigDecimal amount) {
            paidByCurrency.merge(currency, amount, BigDecimal::add);
        }
    }

    /** A subscription as customer management sees it. */
    static final class Subscription {
        final String tenantId;
        final String id;
        final String customerId;
        String status;
        Instant canceledAt;

        Subscription(String tenantId, String id, String customerId, String status) {
            this.tenantId = tenantId;
            this.id = id;
            this.customerId = customerId;
            this.status = status;
        }
    }

    /** An invoice as customer management sees it. */
    static final class Invoice {
        final String tenantId;
        final String id;
        final String customerId;
        final String currency;
        final BigDecimal amountDue;
        final BigDecimal amountPaid;
        String status;
        Instant voidedAt;

        Invoice(String tenantId, String id, String customerId, String status, String currency, BigDecimal amountDue,
                BigDecimal amountPaid) {
            this.tenantId = tenantId;
            this.id = id;
            this.customerId = customerId;
            this.status = status;
            this.currency = currency;
            this.amountDue = amountDue;
            this.amountPaid = amountPaid;
        }
    }

    /** Runs {@code work} under the read lock (or within the current thread's write lock). */
    <T> T read(Supplier<T> work) {
        if (lock.isWriteLockedByCurrentThread()) {
            return work.get();
        }
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} under the write lock: alone, or as a part of the current thread's transaction. */
    <T> T write(Supplier<T> work) {
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("a write inside a read of the in-memory store");
        }
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Records how to undo a change just made under the write lock; kept only inside a transaction. */
    void undo(Runnable undo) {
        Deque<Runnable> log = transaction.get();
        if (log != null) {
            log.push(undo);
        }
    }

    boolean inTransaction() {
        return transaction.get() != null;
    }

    /** Starts a transaction on this thread: takes the write lock until {@link #commit} or {@link #rollback}. */
    void begin() {
        if (inTransaction()) {
            throw new IllegalStateException("a transaction is already running on this thread");
        }
        lock.writeLock().lock();
        transaction.set(new ArrayDeque<>());
    }

    void commit() {
        end();
    }

    void rollback() {
        Deque<Runnable> log = transaction.get();
        try {
            while (log != null && !log.isEmpty()) {
                log.pop().run();
            }
        } finally {
            end();
        }
    }

    private void end() {
        transaction.remove();
        lock.writeLock().unlock();
    }

    /** Empties every table (tests and demos that need a clean slate). */
    public void clear() {
        write(() -> {
            if (inTransaction()) {
                throw new IllegalStateException("clear inside a transaction");
            }
            tenants.clear();
            apiKeys.clear();
            apiKeysBySecret.clear();
            customers.clear();
            customersByEmail.clear();
            customersByExternalId.clear();
            subscriptions.clear();
            invoices.clear();
            idempotencyKeys.clear();
            billingTotals.clear();
            events.clear();
            webhookEndpoints.clear();
            deliveries.clear();
            attempts.clear();
            return null;
        });
    }

    /**
     * Lower case as PostgreSQL's {@code lower()} under the {@code builtin} C.UTF-8 provider computes it: the
     * simple case mapping, one code point at a time (so {@code İ} becomes {@code i}, never two characters).
     */
    static String lower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    /** Binary order of the UTF-8 encodings, i.e. code point order (PostgreSQL's order under C.UTF-8). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
