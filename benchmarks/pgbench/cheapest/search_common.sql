-- Cheapest GET /api/customers?search=<a common name>, on bench.flat's words index (the structure customers has,
-- migration V7; yardstick.sql): the dictionary's words containing the term (trigram index), each word's newest
-- lim postings (backward index-only walks), the newest lim distinct customers, their rows by key. No re-check,
-- no word count: written knowing the structure is exact and the term in few words. The page is full, so the
-- total is an estimate: the tenant's rows (PostgreSQL's estimate, kept by any client: the app keeps it 10 s)
-- times the term's share of the pg_stats sample (the app reads it once a minute). No statement per request for
-- it; until the twelfth pass this script ran an EXPLAIN in every transaction, which the app does not.
-- Variables: tenant, pattern, lim (= limit + 1).
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM bench.flat_dict d CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = :tenant AND s.word = d.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT :lim) p WHERE d.tenant_id = :tenant AND d.word LIKE lower(:pattern) ORDER BY p.created_at DESC, p.customer_id DESC LIMIT :lim) k JOIN bench.flat f ON f.tenant_id = :tenant AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
