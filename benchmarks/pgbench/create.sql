-- POST /api/customers: CreateCustomerService runs in a @Transactional proxy, so the app's driver sends
-- BEGIN together with the INSERT that Micronaut Data generates for CustomerRowRepository.save (called by
-- PostgresCustomerRepository.insert; one round trip), then COMMIT. The request
-- names its currency, so there is no tenant-default lookup. The pipeline below sends BEGIN and INSERT in
-- one round trip too. A fresh id (same format and time order, bench.ulid()), a unique email and external
-- id and the time come from one extra statement first (bench.ulid is inlined: planned once, prepared).
-- Variables (-D): tenant, name, country, currency, status, metadata.
SELECT bench.ulid(g.ms, g.r1, g.r2) AS cid, 'pgbench.' || g.k || '@loadtest.example' AS email, 'pgb_' || g.k AS ext, g.ts::text AS ts FROM (SELECT floor(extract(epoch FROM g.t) * 1000)::bigint AS ms, floor(random() * 1099511627776)::bigint AS r1, floor(random() * 1099511627776)::bigint AS r2, nextval('bench.email_seq') AS k, g.t AS ts FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS t) g OFFSET 0) g \gset
\startpipeline
BEGIN;
INSERT INTO "customers" ("external_id","email","name","country","currency","status","metadata","created_at","updated_at","tenant_id","id") VALUES (:ext,:email,:name,:country,:currency,:status,:metadata::jsonb,:ts,:ts,:tenant,:cid);
\endpipeline
COMMIT;
