-- Cheapest GET /api/customers?search=<a common name>, on bench.flat's words index (the structure customers has,
-- migration V7; yardstick.sql): the dictionary's words containing the term (trigram index), each word's newest
-- lim postings (backward index-only walks), the newest lim distinct customers, their rows by key. No re-check,
-- no word count: written knowing the structure is exact and the term in few words. The page is full, so the
-- total is an estimate: one EXPLAIN of the tenant's rows, as the API does past 1,000.
-- Variables: tenant, pattern, lim (= limit + 1).
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM bench.flat_dict d CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = :tenant AND s.word = d.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT :lim) p WHERE d.tenant_id = :tenant AND d.word LIKE lower(:pattern) ORDER BY p.created_at DESC, p.customer_id DESC LIMIT :lim) k JOIN bench.flat f ON f.tenant_id = :tenant AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
EXPLAIN (FORMAT JSON) SELECT 1 FROM bench.flat f WHERE f.tenant_id = :tenant;
