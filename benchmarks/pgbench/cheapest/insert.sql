-- Cheapest POST /api/customers: one single-row INSERT, autocommit, into bench.flat (same columns,
-- constraints and indexes as customers, no foreign key). Id, unique email and time from one generator
-- statement, as in pgbench/create.sql. Variables: tenant, name, country, currency, status, metadata.
SELECT bench.ulid(g.ms, g.r1, g.r2) AS cid, 'pgbench.' || g.k || '@loadtest.example' AS email, 'pgb_' || g.k AS ext, g.ts::text AS ts FROM (SELECT floor(extract(epoch FROM g.t) * 1000)::bigint AS ms, floor(random() * 1099511627776)::bigint AS r1, floor(random() * 1099511627776)::bigint AS r2, nextval('bench.email_seq') AS k, g.t AS ts FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS t) g OFFSET 0) g \gset
INSERT INTO bench.flat (tenant_id, id, external_id, email, name, country, currency, status, metadata, created_at, updated_at) VALUES (:tenant, :cid, :ext, :email, :name, :country, :currency, :status, :metadata::jsonb, :ts, :ts);
