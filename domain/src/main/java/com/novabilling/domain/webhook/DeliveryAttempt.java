package com.novabilling.domain.webhook;

import com.novabilling.domain.shared.Text;
import com.novabilling.domain.event.EventId;
import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.TenantId;

import java.time.Instant;
import java.util.Objects;

/**
 * One POST of an event to an endpoint, as the deliveries API shows it: when, the HTTP status (null when no
 * answer came: refused connection, timeout, a destination refused by the policy), how long it took, the
 * error in a few words (null on success), and the next retry (null unless {@link AttemptOutcome#RETRYING}).
 */
public record DeliveryAttempt(AttemptId id, TenantId tenantId, WebhookEndpointId endpointId, DeliveryId deliveryId,
                              EventId eventId, EventType eventType, int attempt, Instant attemptedAt,
                              Integer statusCode, long durationMillis, String error, AttemptOutcome outcome,
                              Instant nextRetryAt) {

    public static final int MAX_ERROR = 500;

    public DeliveryAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (error != null) {
            error = Text.truncate(error, MAX_ERROR);   // on code points: never half a surrogate pair
        }
        if ((outcome == AttemptOutcome.RETRYING) != (nextRetryAt != null)) {
            throw new IllegalArgumentException("a next retry time exactly when the outcome is retrying");
        }
    }
}
