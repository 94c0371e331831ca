-- Cheapest GET /api/customers?search=<5 random letters>, on bench.flat's words index (the structure customers
-- has, migration V7; yardstick.sql): the dictionary's words containing the term (trigram index on a table of
-- words, not of customers), as one row (an array and its length). A random term is in no word: that lookup is
-- the whole answer (an empty page, total 0), no walk. Otherwise each word's newest lim postings (backward
-- index-only walks), the newest lim distinct customers, their rows by key (fewer than lim come back for such a
-- term, so that page is the last one and its row count is the total: no count). Pattern from bench.terms.
-- (i15k: the lookup as a statement of its own, the walk only under \if, costs less than the single statement
-- with the lookup in it used before, which PostgreSQL had to parse and plan whole for every term; the trigram
-- page on bench.flat's search_text, the cheapest statement before the words index, is no cheaper: see
-- benchmarks/README.md.)
-- Variables: tenant, terms_count, lim (= limit + 1).
\set n random(1, :terms_count)
SELECT pattern FROM bench.terms WHERE n = :n \gset
SELECT array_agg(d.word) AS words, count(*) AS word_count FROM bench.flat_dict d WHERE d.tenant_id = :tenant AND d.word LIKE lower(:pattern) \gset
\if :word_count > 0
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM unnest(:words::text[]) AS w (word) CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = :tenant AND s.word = w.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT :lim) p ORDER BY p.created_at DESC, p.customer_id DESC LIMIT :lim) k JOIN bench.flat f ON f.tenant_id = :tenant AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
\endif
