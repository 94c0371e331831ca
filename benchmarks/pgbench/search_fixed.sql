-- GET /api/customers?search=<a common term>: PostgresCustomerReadModel.list (searchPage, default sort createdAt
-- desc, page 1). A search first seeks its page among the 1,000 newest rows of the tenant, read lazily: a 1-in-30
-- name fills the page after ~630 rows, so the term is common; the total is extrapolated from where the page
-- ended and EXPLAIN's estimate of the tenant's rows -- the same statements as the app.
-- Not here: when that extrapolation is 1,000 or less (a tenant under ~30,000 rows for a 1-in-30 name, e.g.
-- ROWS=20000), the app also runs the bounded trigram count of search_random.sql; pgbench cannot read the
-- estimate out of EXPLAIN's JSON to take that branch, so at such sizes this script is one statement short.
-- Variables (-D): tenant, pattern ('%' || escaped term || '%'), lim (= limit + 1), off.
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, c.rn
FROM (SELECT * FROM (SELECT w.*, row_number() OVER (ORDER BY w.created_at DESC, w.id DESC) AS rn FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT 1000) w) c WHERE c.search_text LIKE lower(:pattern) ORDER BY c.rn LIMIT :lim OFFSET :off) c ORDER BY c.rn;
EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c WHERE c.tenant_id = :tenant;
