-- Idempotency keys (issue 10): what a tenant's key stands for and the answer its first request got, written in the
-- same transaction as the change. Kept NOVABILLING_IDEMPOTENCY_TTL (24 h), then purged by the service.
CREATE TABLE idempotency_keys (
    tenant_id    text        NOT NULL REFERENCES tenants (id),
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint  text        NOT NULL,
    status       integer     NOT NULL CHECK (status BETWEEN 100 AND 599),
    content_type text        NOT NULL,
    body         bytea       NOT NULL,
    location     text,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- the purge deletes by age
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
