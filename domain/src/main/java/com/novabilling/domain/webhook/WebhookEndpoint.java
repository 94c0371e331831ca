package com.novabilling.domain.webhook;

import com.novabilling.domain.event.EventType;
import com.novabilling.domain.shared.DomainValidationException;
import com.novabilling.domain.shared.TenantId;
import com.novabilling.domain.shared.Text;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's webhook endpoint: where to send which events, signed with its secret. Created with
 * {@link #create}, loaded with {@link #restore}; a 410 Gone from the receiver disables it
 * ({@link #disable}), the tenant may enable it again.
 */
public final class WebhookEndpoint {

    public static final int MAX_DESCRIPTION = 500;

    private final WebhookEndpointId id;
    private final TenantId tenantId;
    private WebhookUrl url;
    private EventSelection events;
    private String description;
    private boolean enabled;
    private WebhookSecret secret;
    private final Instant createdAt;
    private Instant updatedAt;

    private WebhookEndpoint(WebhookEndpointId id, TenantId tenantId, WebhookUrl url, EventSelection events,
                            String description, boolean enabled, WebhookSecret secret, Instant createdAt,
                            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.url = Objects.requireNonNull(url, "url");
        this.events = Objects.requireNonNull(events, "events");
        this.description = description;
        this.enabled = enabled;
        this.secret = Objects.requireNonNull(secret, "secret");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new, enabled endpoint; the caller checked the URL against the {@link DestinationPolicy}. */
    public static WebhookEndpoint create(WebhookEndpointId id, TenantId tenantId, WebhookUrl url, EventSelection events,
                                         String descriptionOrNull, WebhookSecret secret, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new WebhookEndpoint(id, tenantId, url, events, validDescription(descriptionOrNull), true, secret, at, at);
    }

    /** As stored; for the persistence adapters only. */
    public static WebhookEndpoint restore(WebhookEndpointId id, TenantId tenantId, WebhookUrl url, EventSelection events,
                                          String descriptionOrNull, boolean enabled, WebhookSecret secret,
                                          Instant createdAt, Instant updatedAt) {
        return new WebhookEndpoint(id, tenantId, url, events, descriptionOrNull, enabled, secret, createdAt, updatedAt);
    }

    /** {@code null} stays null; otherwise 1..500 characters without control characters, not blank. */
    public static String validDescription(String description) {
        if (description == null) {
            return null;
        }
        if (Text.isBlank(description)) {
            throw new DomainValidationException("description", "must not be blank");
        }
        if (Text.length(description) > MAX_DESCRIPTION) {
            throw new DomainValidationException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (Text.hasControlCharacters(description)) {
            throw new DomainValidationException("description", "must not contain control characters");
        }
        return description;
    }

    public boolean receives(EventType type) {
        return enabled && events.matches(type);
    }

    public void changeUrl(WebhookUrl newUrl, Instant at) {
        if (!newUrl.equals(url)) {
            url = newUrl;
            touch(at);
        }
    }

    public void changeEvents(EventSelection newEvents, Instant at) {
        if (!newEvents.equals(events)) {
            events = newEvents;
            touch(at);
        }
    }

    public void changeDescription(String newDescriptionOrNull, Instant at) {
        String checked = validDescription(newDescriptionOrNull);
        if (!Objects.equals(checked, description)) {
            description = checked;
            touch(at);
        }
    }

    public void enable(Instant at) {
        if (!enabled) {
            enabled = true;
            touch(at);
        }
    }

    public void disable(Instant at) {
        if (enabled) {
            enabled = false;
            touch(at);
        }
    }

    public void rotateSecret(WebhookSecret newSecret, Instant at) {
        secret = Objects.requireNonNull(newSecret, "secret");
        touch(at);
    }

    private void touch(Instant at) {
        Instant t = at.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = t.isBefore(createdAt) ? createdAt : t;
    }

    public WebhookEndpointId id() {
        return id;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public WebhookUrl url() {
        return url;
    }

    public EventSelection events() {
        return events;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public boolean enabled() {
        return enabled;
    }

    public WebhookSecret secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
