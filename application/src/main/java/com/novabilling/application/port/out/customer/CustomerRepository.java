package com.novabilling.application.port.out.customer;

import com.novabilling.domain.customer.Customer;
import com.novabilling.domain.customer.CustomerId;
import com.novabilling.domain.event.Event;
import com.novabilling.domain.shared.TenantId;

import java.util.Optional;

/**
 * Where customers are kept. Every method is scoped to one tenant. The store is the final judge of
 * uniqueness: {@link #insert} and {@link #update} throw the domain's conflict errors
 * ({@code CustomerEmailTakenException}, {@code CustomerExternalIdTakenException}) when a concurrent or
 * earlier write holds the email or external id.
 */
public interface CustomerRepository {

    void insert(Customer customer);

    /**
     * A create with its outbox, as one atomic write: stores {@code customer}, appends {@code created} (its
     * {@code customer.created} event, rendered by the caller) and queues one pending delivery of that event, due at
     * once, for every endpoint of the customer's tenant that {@linkplain
     * com.novabilling.domain.webhook.WebhookEndpoint#receives receives} the event's type (enabled, subscribed to the
     * type or to {@code "*"}), as the endpoints stand when the write happens. The delivery ids are the adapter's to
     * make ({@code DeliveryId}'s format). All or nothing: on a conflict (the domain's errors, as {@link #insert})
     * or any other failure nothing of the three is stored. Atomic on its own, so it needs no transaction around it;
     * inside one it takes part in it. A failure that leaves the outcome unknown (the write was sent outside a
     * transaction and the connection died before its answer) is a {@code StoreUnavailableException} that says so.
     */
    void insertCreated(Customer customer, Event created);

    void update(Customer customer);

    /** Loads a customer and locks it until the current transaction ends. */
    Optional<Customer> findForUpdate(TenantId tenantId, CustomerId customerId);

    /** @return whether a customer was deleted */
    boolean delete(TenantId tenantId, CustomerId customerId);
}
