-- Cheapest GET /api/customers?search=<a common name>, on bench.flat's words index (the structure customers has,
-- migration V7; yardstick.sql), in two statements run -M prepared: the dictionary's words containing the term
-- (trigram index), as one row (an array and its length); then each word's newest lim postings (backward
-- index-only walks), the newest lim distinct customers, their rows by key, on a generic plan: the tenant and the
-- LIMITs in the text (rendered by run.sh: @tenant@, @lim@ = limit + 1) and the number of words as the LIMIT of the
-- array's elements (one word: 'wanjiru' is in one). No re-check, no word count: written knowing the structure is
-- exact and the term in few words. The page is full, so the total is an estimate: the tenant's rows (PostgreSQL's
-- estimate, kept by any client: the app keeps it 10 s) times the term's share of the pg_stats sample (the app reads
-- it once a minute). No statement per request for it.
-- Until the sixteenth look this was one statement with the lookup inside, run -M extended (planned per call):
-- 2,528 tps on the 1M-row data, against 4,422 prepared and 5,201 for these two prepared (pgbench -c 16 -j 2 -T 10;
-- docs/benchmarks.md "Search, sixteenth look").
-- Variables: tenant, pattern.
SELECT array_agg(d.word) AS words, count(*) AS word_count FROM bench.flat_dict d WHERE d.tenant_id = :tenant AND d.word LIKE lower(:pattern) \gset
\if :word_count = 1
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM (SELECT unnest(:words::text[]) AS word LIMIT 1) AS w CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = '@tenant@' AND s.word = w.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT @lim@) p ORDER BY p.created_at DESC, p.customer_id DESC LIMIT @lim@) k JOIN bench.flat f ON f.tenant_id = '@tenant@' AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
\elif :word_count > 1
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM (SELECT unnest(:words::text[]) AS word) AS w CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = '@tenant@' AND s.word = w.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT @lim@) p ORDER BY p.created_at DESC, p.customer_id DESC LIMIT @lim@) k JOIN bench.flat f ON f.tenant_id = '@tenant@' AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
\endif
