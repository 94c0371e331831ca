-- POST /api/customers: CreateCustomerService inserts the row through Micronaut Data's
-- CustomerRowRepository.save (PostgresCustomerRepository.insert): one INSERT in autocommit, no
-- transaction around it (a second statement would be needed only for the tenant's default currency, which
-- is cached, and this request names its currency anyway). A fresh id (same format and time order,
-- bench.ulid()), a unique email and external id and the time come from one extra statement first
-- (bench.ulid is inlined: planned once, prepared).
-- Variables (-D): tenant, name, country, currency, status, metadata.
SELECT bench.ulid(g.ms, g.r1, g.r2) AS cid, 'pgbench.' || g.k || '@loadtest.example' AS email, 'pgb_' || g.k AS ext, g.ts::text AS ts FROM (SELECT floor(extract(epoch FROM g.t) * 1000)::bigint AS ms, floor(random() * 1099511627776)::bigint AS r1, floor(random() * 1099511627776)::bigint AS r2, nextval('bench.email_seq') AS k, g.t AS ts FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS t) g OFFSET 0) g \gset
INSERT INTO "customers" ("external_id","email","name","country","currency","status","metadata","created_at","updated_at","tenant_id","id") VALUES (:ext,:email,:name,:country,:currency,:status,:metadata::jsonb,:ts,:ts,:tenant,:cid);
