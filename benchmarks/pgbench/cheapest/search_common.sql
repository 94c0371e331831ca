-- Cheapest GET /api/customers?search=<a common name>, on bench.flat's words index (the structure customers has,
-- migration V7; yardstick.sql), in two statements, as the app runs its own: the dictionary's words containing the
-- term (trigram index), as one row (an array and its length), planned for its values on every call; then each
-- word's newest lim postings (backward index-only walks), the newest lim distinct customers, their rows by key, on
-- a generic plan: a statement prepared on the server once per connection (PREPARE, EXECUTE), with the tenant and
-- the LIMITs in its text (rendered by run.sh: @tenant@, @lim@ = limit + 1). pgbench runs it -M simple (values
-- written into the text: the term and the tenant are letters): pgbench's -M prepared would also put the lookup on a
-- generic plan, whose choice between the dictionary's primary key and its trigram index moves with the statistics
-- (3,780 tps in the full run at 805270e, 5,249 on the same data before it), and -M extended cannot EXECUTE with bind
-- values. No re-check, no word count: written knowing the structure is exact and the term in few words. The page
-- is full, so the total is an estimate: the tenant's rows (PostgreSQL's estimate, kept by any client: the app keeps
-- it 10 s) times the term's share of the pg_stats sample (the app reads it once a minute). No statement per
-- request for it.
-- Until the sixteenth look this was one statement with the lookup inside, run -M extended (planned per call):
-- 2,528 tps on the 1M-row data, against 4,422 prepared and 5,610 for these two (pgbench -c 16 -j 2 -T 10;
-- docs/benchmarks.md "Search, sixteenth look").
-- Variables: tenant, pattern, walk_prepared (0: set to 1 by the client's first transaction).
\if :walk_prepared = 0
PREPARE cheapest_walk (text[], int) AS SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM (SELECT DISTINCT p.created_at, p.customer_id FROM (SELECT unnest($1::text[]) AS word LIMIT $2) AS w CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM bench.flat_words s WHERE s.tenant_id = '@tenant@' AND s.word = w.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT @lim@) p ORDER BY p.created_at DESC, p.customer_id DESC LIMIT @lim@) k JOIN bench.flat f ON f.tenant_id = '@tenant@' AND f.id = k.customer_id ORDER BY f.created_at DESC, f.id DESC;
\set walk_prepared 1
\endif
SELECT array_agg(d.word) AS words, count(*) AS word_count FROM bench.flat_dict d WHERE d.tenant_id = ':tenant' AND d.word LIKE lower(':pattern') \gset
\if :word_count > 0
EXECUTE cheapest_walk (':words', :word_count);
\endif
