-- GET /api/customers?search=<a term the 1,000-row window does not fill a page of>: the same statements as
-- search_random.sql (window, bounded count, page through the trigram index) for one fixed pattern: what the
-- app runs for the common name once enough newer non-matching customers fill the window (the *_cliff runs).
-- Variables (-D): tenant, pattern, lim (= limit + 1), off.
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
(SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
  WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id
    AND i.status = 'paid' AND i.currency = c.currency) AS total_spent,
(SELECT count(*) FROM subscriptions s
  WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.status = 'active') AS active_subscriptions, c.rn
FROM (SELECT * FROM (SELECT w.*, row_number() OVER (ORDER BY w.created_at DESC, w.id DESC) AS rn FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT 1000) w) c WHERE c.search_text LIKE lower(:pattern) ORDER BY c.rn LIMIT :lim OFFSET :off) c ORDER BY c.rn;
SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern) LIMIT 1001) bounded;
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
(SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
  WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id
    AND i.status = 'paid' AND i.currency = c.currency) AS total_spent,
(SELECT count(*) FROM subscriptions s
  WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.status = 'active') AS active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern) ORDER BY c.created_at DESC, c.id DESC LIMIT :lim OFFSET :off) c ORDER BY c.created_at DESC, c.id DESC;
