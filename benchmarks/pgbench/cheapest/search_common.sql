-- Cheapest GET /api/customers?search=<a common name>: written knowing the term is common, the page is read
-- by walking the created_at index newest first and filtering (run.sh sets enable_sort, enable_bitmapscan
-- and enable_seqscan off for these sessions through PGOPTIONS: PostgreSQL estimates LIKE '%term%' at a
-- handful of rows and would otherwise sort every match); the page is full, so the total is an estimate:
-- one EXPLAIN of the tenant's rows, as the API does past 1,000. Variables: tenant, pattern, lim (= limit + 1).
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = :tenant AND f.search_text LIKE lower(:pattern) ORDER BY f.created_at DESC, f.id DESC LIMIT :lim;
EXPLAIN (FORMAT JSON) SELECT 1 FROM bench.flat f WHERE f.tenant_id = :tenant;
