package com.novabilling.adapter.in.rest.webhook;

import com.novabilling.adapter.in.rest.error.Violations;
import com.novabilling.domain.webhook.EventSelection;

import java.util.List;
import java.util.Objects;

/** What the webhook endpoint requests share: their texts and the reading of {@code events}. */
final class WebhookEndpointRequests {

    static final String IS_REQUIRED = "is required";
    static final String MUST_NOT_BE_NULL = "must not be null";
    static final String URL = "https URL the events are POSTed to, at most 2,048 characters; it must not resolve to "
            + "a loopback, private, link-local or cloud-metadata address (unless the service runs with "
            + "NOVABILLING_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true, which also allows http)";
    static final String EVENTS = "Event types to receive, or [\"*\"] for all (also types added later)";

    private WebhookEndpointRequests() {
    }

    /**
     * The selection named by {@code names}; {@code null} when absent or refused (a missing required list is the
     * constraint's to report; an item the shape check refused is {@code null} here and already reported). Never
     * throws: what the domain refuses goes to {@code violations}.
     */
    static EventSelection events(List<String> names, Violations violations) {
        if (names == null || names.stream().anyMatch(Objects::isNull)) {
            return null;
        }
        return violations.attempt(() -> EventSelection.parse(names));
    }
}
