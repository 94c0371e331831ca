-- GET /api/customers?startingAfter=<id>&limit=L (default order createdAt desc, id desc):
-- PostgresCustomerReadModel.list (keysetPage), on one connection: the cursor customer's sort key by primary key,
-- the L + 1 rows after it from the created-at index (ROW(created_at, id) < ROW(cursor) as index condition:
-- constant cost at any depth), then the total of the whole list as for page 1: the tenant's estimate, kept
-- by the app for 10 s, far above 1,000, so no count (see list_page.sql). Two statements.
-- The cursor id is the row just before the deep page (bench.cursors, the same row wrk's requests name): one
-- extra primary-key lookup. The app plans the cursor lookup as a server-prepared statement after 5 uses (its
-- other statements are planned per call); pgbench runs the script in one mode (-M extended, as the count ran).
-- Variables (-D): tenant, lim (= L + 1), cursor (a name in bench.cursors).
\set off 0
SELECT id AS kid FROM bench.cursors WHERE name = :cursor \gset
SELECT c.created_at AS sort_value, c.id FROM customers c WHERE c.tenant_id = :tenant AND c.id = :kid \gset
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant AND (c.created_at, c.id) < (:sort_value, :id) ORDER BY c.created_at DESC, c.id DESC LIMIT :lim OFFSET :off) c ORDER BY c.created_at DESC, c.id DESC;
