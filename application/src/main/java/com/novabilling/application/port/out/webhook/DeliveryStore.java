package com.novabilling.application.port.out.webhook;

import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.application.port.shared.webhook.PendingDelivery;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.webhook.AttemptId;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Deliveries (one event to one endpoint) and their attempts. Every instance of the service claims due
 * deliveries from the same store: a claim is a lease, so work claimed by an instance that stops or dies is
 * claimed again once the lease ends (at-least-once delivery).
 */
public interface DeliveryStore {

    /** Adds pending deliveries, due at once; part of the caller's transaction. */
    void enqueue(List<PendingDelivery> deliveries);

    /**
     * Claims up to {@code max} pending deliveries due at {@code now} that nobody holds (no claim, or an expired
     * one), oldest due first, skipping those another instance is claiming right now and those of the
     * {@code saturated} endpoints; each is held until {@code claimedUntil}.
     */
    List<DueDelivery> claimDue(Instant now, Instant claimedUntil, int max, Collection<WebhookEndpointId> saturated);

    /** Gives claimed deliveries back unattempted (the instance stops): any instance may claim them at once. */
    void release(Collection<DueDelivery> deliveries);

    /**
     * Records an attempt and moves its delivery on, atomically: delivered, failed, or pending again at the
     * attempt's next retry time; the claim ends. Does nothing when the delivery no longer exists (its endpoint
     * or event was deleted meanwhile).
     */
    void record(DeliveryAttempt attempt);

    /** The endpoint's attempts, newest first, older than {@code startingAfter} if given; at most {@code limit}. */
    List<DeliveryAttempt> attempts(TenantId tenantId, WebhookEndpointId endpointId, AttemptId startingAfter, int limit);

    /** When the longest-waiting due, unclaimed delivery became due; empty when none waits. */
    Optional<Instant> oldestDue(Instant now);
}
