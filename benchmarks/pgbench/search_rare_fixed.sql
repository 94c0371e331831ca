-- GET /api/customers?search=<a term dense in the sample whose newest 1,000 rows do not fill a page>, read the way
-- the words index (V7, search_fixed.sql) does not serve (another sortBy, another filter, a term with non-letters):
-- the lazy walk of the 1,000-row window, which does not fill the page, then every match through the trigram index,
-- fenced, counted (exact) and top-N sorted. Before V7 the app ran this for the common name once enough newer
-- non-matching customers filled the window (the *_cliff runs); run.sh still picks it if the app's log shows it.
-- Variables (-D): tenant, pattern, lim (= limit + 1), off.
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM (SELECT c.*, c.created_at AS sort_key FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT 1000) c WHERE c.search_text LIKE lower(:pattern) ORDER BY c.sort_key DESC, c.id DESC LIMIT :lim OFFSET :off;
WITH m AS MATERIALIZED (SELECT c.tenant_id, c.id, c.created_at AS sort_key FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern)),
page AS (SELECT m.tenant_id, m.id FROM m ORDER BY m.sort_key DESC, m.id DESC LIMIT :lim OFFSET :off)
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, n.matched
FROM (SELECT count(*) AS matched FROM m) n LEFT JOIN (page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id) ON true ORDER BY c.created_at DESC, c.id DESC;
