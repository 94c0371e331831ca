-- Cheapest page of the default order (createdAt desc, id desc), limit + 1 rows. with_cursor = 1: keyset -- the
-- rows after the cursor row bench.cursors(:cursor), constant cost at any depth; the request names the cursor by
-- id, so its sort key is read by primary key inside the page's statement (one round trip: cheaper than a lookup
-- of its own) -- else the first page.
-- No statement for the total: past 1,000 rows the API's total is PostgreSQL's estimate of the list, which moves
-- only with the table's size and statistics, so a client keeps it (the app: 10 s, one EXPLAIN per list per 10 s,
-- not per request). Until the twelfth pass this script ran that EXPLAIN in every transaction, a statement the app
-- does not run, so the "cheapest" SQL of page 1 made fewer tps than the app's own (docs/benchmarks.md "The
-- yardstick without the estimate").
-- The page has the same best plan for every tenant and cursor, so it runs -M prepared on PostgreSQL's generic
-- plan: parsed and planned once per connection, the tenant and the LIMIT in the text (run.sh writes them in for
-- @tenant@ and @lim@: bound, the generic plan would assume the average tenant's rows and 10% of them, cost more
-- than a plan for the values, and PostgreSQL would go on planning every call). Variables: with_cursor, cursor.
\if :with_cursor
SELECT id AS kid FROM bench.cursors WHERE name = :cursor \gset
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = '@tenant@' AND (f.created_at, f.id) < (SELECT k.created_at, k.id FROM bench.flat k WHERE k.tenant_id = '@tenant@' AND k.id = :kid) ORDER BY f.created_at DESC, f.id DESC LIMIT @lim@;
\else
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = '@tenant@' ORDER BY f.created_at DESC, f.id DESC LIMIT @lim@;
\endif
