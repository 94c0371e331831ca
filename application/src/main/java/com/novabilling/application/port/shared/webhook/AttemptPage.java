package com.novabilling.application.port.shared.webhook;

import com.novabilling.domain.webhook.DeliveryAttempt;

import java.util.List;

/** Delivery attempts newest first; {@code hasMore} when older ones exist. */
public record AttemptPage(List<DeliveryAttempt> data, boolean hasMore) {

    public AttemptPage {
        data = List.copyOf(data);
    }
}
