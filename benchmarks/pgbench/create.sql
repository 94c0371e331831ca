-- POST /api/customers without an Idempotency-Key: ONE statement in autocommit (issue 15, i15h), the writable CTE
-- PostgresCustomerRepository.INSERT_CREATED: the customer's INSERT, its customer.created event's INSERT (its
-- JSON document, the shape the app renders) and one webhook delivery per enabled endpoint of the tenant that
-- receives the type (none here; delivery ids made in SQL), answering the count of deliveries. No BEGIN, no COMMIT.
-- The tenant's default currency (needed only when a request names none) is cached, and this request names its
-- currency anyway.
-- A fresh id (same format and time order, bench.ulid()), an event id, a unique email and external id, the time,
-- the event's body (rendered as the app does) and the start of the delivery ids (whd_ + the 10 time characters)
-- come from one extra statement first (bench.ulid is inlined: planned once, prepared).
-- Variables (-D): tenant, name, country, currency, status, metadata.
SELECT g.cid, g.eid, g.email, g.ext, g.ts::text AS ts, 'customer.created' AS etype, g.dstart, '*' AS star, '{"id":"' || g.eid || '","type":"customer.created","createdAt":"' || g.iso || '","data":{"object":{"id":"' || g.cid || '","externalId":"' || g.ext || '","email":"' || g.email || '","name":"' || :name || '","country":"' || :country || '","currency":"' || :currency || '","status":"' || :status || '","metadata":' || :metadata || ',"totalSpent":0,"activeSubscriptions":0,"createdAt":"' || g.iso || '","updatedAt":"' || g.iso || '"}}}' AS body FROM (SELECT bench.ulid(g.ms, g.r1, g.r2) AS cid, 'evt_' || substr(bench.ulid(g.ms, g.r2, g.r1), 6) AS eid, 'pgbench.' || g.k || '@loadtest.example' AS email, 'pgb_' || g.k AS ext, 'whd_' || substr(bench.ulid(g.ms, 0, 0), 6, 10) AS dstart, g.ts, replace(to_char(g.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24#MI#SS.MS"Z"'), '#', chr(58)) AS iso FROM (SELECT floor(extract(epoch FROM g.t) * 1000)::bigint AS ms, floor(random() * 1099511627776)::bigint AS r1, floor(random() * 1099511627776)::bigint AS r2, nextval('bench.email_seq') AS k, g.t AS ts FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS t) g OFFSET 0) g) g \gset
WITH c AS (
    INSERT INTO customers (tenant_id, id, external_id, email, name, country, currency, status, metadata,
                           created_at, updated_at)
    VALUES (:tenant, :cid, :ext, :email, :name, :country, :currency, :status, :metadata::jsonb, :ts, :ts)
    RETURNING tenant_id),
e AS (
    INSERT INTO events (tenant_id, id, type, created_at, body)
    SELECT c.tenant_id, :eid, :etype, :ts, :body FROM c
    RETURNING tenant_id, id, type, created_at),
d AS (
    INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, status, attempts, created_at,
                                    next_attempt_at)
    SELECT e.tenant_id,
           :dstart || translate(encode(overlay(uuid_send(gen_random_uuid()) PLACING ''::bytea FROM 7 FOR 4), 'base64'),
                          'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
                          '0123456789abcdefghjkmnpqrstvwxyz0123456789abcdefghjkmnpqrstvwxyz'),
           w.id, e.id, 'pending', 0, e.created_at, e.created_at
      FROM e
      JOIN webhook_endpoints w
        ON w.tenant_id = e.tenant_id AND w.enabled AND (e.type = ANY (w.events) OR :star = ANY (w.events))
    RETURNING 1)
SELECT count(*) AS deliveries FROM d;
