-- Cheapest GET /api/customers?search=<5 random letters>, on bench.flat's words index (the structure customers
-- has, migration V7; yardstick.sql): the dictionary's words containing the term (trigram index on a table of
-- words, not of customers), usually none, so no walk; fewer than lim rows come back, so that page is the last
-- one and its row count is the total: no count. Pattern from bench.terms. (The trigram page on bench.flat's
-- search_text, the cheapest statement before the words index, is no cheaper: see benchmarks/README.md.)
-- Variables: tenant, terms_count, lim (= limit + 1).
\set n random(1, :terms_count)
SELECT pattern FROM bench.terms WHERE n = :n \gset
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM bench.flat_dict d CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = :tenant AND s.word = d.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT :lim) p WHERE d.tenant_id = :tenant AND d.word LIKE lower(:pattern) ORDER BY p.created_at DESC, p.customer_id DESC LIMIT :lim) k JOIN bench.flat f ON f.tenant_id = :tenant AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
