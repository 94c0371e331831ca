-- POST /api/customers: CreateCustomerService in one transaction (the factory method is @Transactional since
-- issue 14's outbox): the customer's INSERT through Micronaut Data's CustomerRowRepository.save, the
-- customer.created event's INSERT into events (its JSON document, the shape the app renders), the tenant's
-- webhook endpoints (a delivery is queued for each enabled one that receives the type: none here), COMMIT.
-- pgjdbc sends BEGIN with the first statement; COMMIT is a round trip of its own. The tenant's default currency
-- (needed only when a request names none) is cached, and this request names its currency anyway.
-- A fresh id (same format and time order, bench.ulid()), an event id, a unique email and external id, the time
-- and the event's body (rendered as the app does) come from one extra statement first (bench.ulid is inlined: planned once, prepared).
-- Variables (-D): tenant, name, country, currency, status, metadata.
SELECT g.cid, g.eid, g.email, g.ext, g.ts::text AS ts, 'customer.created' AS etype, '{"id":"' || g.eid || '","type":"customer.created","createdAt":"' || g.iso || '","data":{"object":{"id":"' || g.cid || '","externalId":"' || g.ext || '","email":"' || g.email || '","name":"' || :name || '","country":"' || :country || '","currency":"' || :currency || '","status":"' || :status || '","metadata":' || :metadata || ',"totalSpent":0,"activeSubscriptions":0,"createdAt":"' || g.iso || '","updatedAt":"' || g.iso || '"}}}' AS body FROM (SELECT bench.ulid(g.ms, g.r1, g.r2) AS cid, 'evt_' || substr(bench.ulid(g.ms, g.r2, g.r1), 6) AS eid, 'pgbench.' || g.k || '@loadtest.example' AS email, 'pgb_' || g.k AS ext, g.ts, replace(to_char(g.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24#MI#SS.MS"Z"'), '#', chr(58)) AS iso FROM (SELECT floor(extract(epoch FROM g.t) * 1000)::bigint AS ms, floor(random() * 1099511627776)::bigint AS r1, floor(random() * 1099511627776)::bigint AS r2, nextval('bench.email_seq') AS k, g.t AS ts FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS t) g OFFSET 0) g) g \gset
BEGIN;
INSERT INTO "customers" ("external_id","email","name","country","currency","status","metadata","created_at","updated_at","tenant_id","id") VALUES (:ext,:email,:name,:country,:currency,:status,:metadata::jsonb,:ts,:ts,:tenant,:cid);
INSERT INTO "events" ("type","created_at","body","tenant_id","id") VALUES (:etype,:ts,:body,:tenant,:eid);
SELECT e.* FROM webhook_endpoints e WHERE e.tenant_id = :tenant ORDER BY e.id DESC;
COMMIT;
