-- Cheapest page of the default order (createdAt desc, id desc), limit + 1 rows. with_cursor = 1: keyset
-- -- the rows after the cursor row bench.cursors(:cursor), constant cost at any depth -- else the first
-- page. with_total = 1: one estimate of the tenant's rows for the total (the API's page/total form; its
-- keyset form answers hasMore only). Variables: tenant, lim, with_cursor, with_total, cursor.
\if :with_cursor
SELECT created_at::text AS kts, id AS kid FROM bench.cursors WHERE name = :cursor \gset
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = :tenant AND (f.created_at, f.id) < (:kts::timestamptz, :kid) ORDER BY f.created_at DESC, f.id DESC LIMIT :lim;
\else
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = :tenant ORDER BY f.created_at DESC, f.id DESC LIMIT :lim;
\endif
\if :with_total
EXPLAIN (FORMAT JSON) SELECT 1 FROM bench.flat f WHERE f.tenant_id = :tenant;
\endif
