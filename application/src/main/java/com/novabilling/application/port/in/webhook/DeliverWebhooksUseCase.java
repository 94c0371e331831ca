package com.novabilling.application.port.in.webhook;

import com.novabilling.application.port.shared.webhook.DueDelivery;
import com.novabilling.domain.webhook.DeliveryAttempt;
import com.novabilling.domain.webhook.WebhookEndpointId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The dispatcher's work: claim due deliveries, attempt each one, give back what was not attempted. */
public interface DeliverWebhooksUseCase {

    /** Claims up to {@code max} due deliveries, none of the {@code saturated} endpoints. */
    List<DueDelivery> claim(int max, Collection<WebhookEndpointId> saturated);

    /**
     * Attempts one delivery: signs and POSTs the event, records the attempt and what follows (delivered, retry
     * at a backed-off time, failed; 410 Gone disables the endpoint). Empty when there was nothing to attempt
     * (the endpoint or the event was deleted meanwhile).
     */
    Optional<DeliveryAttempt> attempt(DueDelivery delivery);

    /** Gives claimed deliveries back unattempted. */
    void release(Collection<DueDelivery> deliveries);
}
