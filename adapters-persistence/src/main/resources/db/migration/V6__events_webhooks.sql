-- Issue 14: the transactional outbox (events), webhook endpoints, deliveries and their attempts.
-- Every key includes tenant_id, like the rest of the schema. Deleting an event (retention purge) or an
-- endpoint deletes its deliveries, and a delivery's attempts go with it.

CREATE TABLE events (
    tenant_id  text        NOT NULL REFERENCES tenants (id),
    id         text        NOT NULL,
    type       text        NOT NULL,
    created_at timestamptz NOT NULL,
    -- the event's JSON document exactly as shown and sent (text, not jsonb: the bytes are signed)
    body       text        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- newest first per tenant is the primary key backwards; by type:
CREATE INDEX events_tenant_type_idx ON events (tenant_id, type, id);
-- the retention purge
CREATE INDEX events_created_idx ON events (created_at);

CREATE TABLE webhook_endpoints (
    tenant_id   text        NOT NULL REFERENCES tenants (id),
    id          text        NOT NULL,
    url         text        NOT NULL,
    events      text[]      NOT NULL,
    description text,
    enabled     boolean     NOT NULL,
    secret      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE webhook_deliveries (
    tenant_id       text        NOT NULL,
    id              text        NOT NULL,
    endpoint_id     text        NOT NULL,
    event_id        text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    -- a claim is a lease: an instance that stops or dies loses it when it ends
    claimed_until   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, event_id) REFERENCES events (tenant_id, id) ON DELETE CASCADE
);
-- the dispatchers' claim: pending deliveries by due time
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
-- the cascades
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id);
CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (tenant_id, event_id);

CREATE TABLE webhook_delivery_attempts (
    tenant_id     text        NOT NULL,
    id            text        NOT NULL,
    delivery_id   text        NOT NULL,
    endpoint_id   text        NOT NULL,
    event_id      text        NOT NULL,
    event_type    text        NOT NULL,
    attempt       integer     NOT NULL CHECK (attempt >= 1),
    attempted_at  timestamptz NOT NULL,
    status_code   integer,
    duration_ms   bigint      NOT NULL,
    error         text,
    outcome       text        NOT NULL CHECK (outcome IN ('delivered', 'retrying', 'failed')),
    next_retry_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
);
-- an endpoint's attempts, newest first
CREATE INDEX webhook_delivery_attempts_endpoint_idx ON webhook_delivery_attempts (tenant_id, endpoint_id, id);
CREATE INDEX webhook_delivery_attempts_delivery_idx ON webhook_delivery_attempts (tenant_id, delivery_id);
