-- GET /api/customers?search=<a term the 1,000-row window does not fill a page of>: the window, then the fenced
-- trigram page of search_random.sql for one fixed pattern: what the app runs for the common name once enough
-- newer non-matching customers fill the window (the *_cliff runs). The page holds matches, so the count of all
-- matches comes with it and the app runs no bounded count.
-- Variables (-D): tenant, pattern, lim (= limit + 1), off.
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, c.rn
FROM (SELECT * FROM (SELECT w.*, row_number() OVER (ORDER BY w.created_at DESC, w.id DESC) AS rn FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT 1000) w) c WHERE c.search_text LIKE lower(:pattern) ORDER BY c.rn LIMIT :lim OFFSET :off) c ORDER BY c.rn;
WITH m AS MATERIALIZED (SELECT c.tenant_id, c.id, c.created_at AS sort_key FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern)),
page AS (SELECT m.tenant_id, m.id FROM m ORDER BY m.sort_key DESC, m.id DESC LIMIT :lim OFFSET :off)
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, (SELECT count(*) FROM m) AS matched
FROM page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id ORDER BY c.created_at DESC, c.id DESC;
