-- NovaBilling customers: baseline schema (DESIGN.md section 4).
-- Every table carries tenant_id and every key includes it, so the schema can be distributed by tenant
-- (Citus) without change. Billing records (subscriptions, invoices) are minimal: this service only
-- reads their totals and cancels / voids them when a customer is deleted.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tenants (
    id               text        PRIMARY KEY,
    name             text        NOT NULL,
    default_currency text        NOT NULL DEFAULT 'USD',
    status           text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    tenant_id      text        NOT NULL REFERENCES tenants (id),
    id             text        NOT NULL,
    name           text        NOT NULL,
    secret_sha256  bytea       NOT NULL,
    display_prefix text        NOT NULL,
    scopes         text[]      NOT NULL,
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    PRIMARY KEY (tenant_id, id)
);
-- looked up by hash on every authenticated request; a hash is globally unique
CREATE UNIQUE INDEX api_keys_secret_sha256_key ON api_keys (secret_sha256);

CREATE TABLE customers (
    tenant_id   text        NOT NULL REFERENCES tenants (id),
    id          text        NOT NULL,
    external_id text,
    email       text        NOT NULL,
    name        text        NOT NULL,
    country     text,
    currency    text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('active', 'inactive')),
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
-- the database is the judge of uniqueness: emails case-insensitively, external ids when present
CREATE UNIQUE INDEX customers_tenant_email_key ON customers (tenant_id, lower(email));
CREATE UNIQUE INDEX customers_tenant_external_id_key ON customers (tenant_id, external_id) WHERE external_id IS NOT NULL;
-- the default list order (createdAt desc, id desc as tie-break) and the other sort keys
CREATE INDEX customers_tenant_created_idx ON customers (tenant_id, created_at, id);
CREATE INDEX customers_tenant_updated_idx ON customers (tenant_id, updated_at, id);
CREATE INDEX customers_tenant_name_idx ON customers (tenant_id, name, id);
-- search: case-insensitive substring of name or email (ILIKE '%term%') served by trigram indexes
CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_email_trgm_idx ON customers USING gin (email gin_trgm_ops);

CREATE TABLE subscriptions (
    tenant_id   text        NOT NULL REFERENCES tenants (id),
    id          text        NOT NULL,
    customer_id text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('active', 'canceled')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    canceled_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX subscriptions_customer_idx ON subscriptions (tenant_id, customer_id, status);

CREATE TABLE invoices (
    tenant_id   text           NOT NULL REFERENCES tenants (id),
    id          text           NOT NULL,
    customer_id text           NOT NULL,
    status      text           NOT NULL CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
    currency    text           NOT NULL,
    amount_due  numeric(20, 4) NOT NULL CHECK (amount_due >= 0),
    amount_paid numeric(20, 4) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    created_at  timestamptz    NOT NULL DEFAULT now(),
    voided_at   timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX invoices_customer_idx ON invoices (tenant_id, customer_id, status);
