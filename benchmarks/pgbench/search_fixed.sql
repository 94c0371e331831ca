-- GET /api/customers?search=<a common term>: PostgresCustomerStore.list (default sort createdAt desc,
-- page 1). The bounded count comes first (at most 1,001 matches); past 1,000 the term is common, so the
-- page is read in sort-key order (the search written as (c.name || '') ILIKE, which the trigram indexes
-- do not serve) and the total is EXPLAIN's estimate -- the same conditions as the app.
-- Variables (-D): tenant, pattern ('%' || escaped term || '%'), lim (= limit + 1), off.
SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.tenant_id = :tenant AND (c.name ILIKE :pattern OR c.email ILIKE :pattern) LIMIT 1001) bounded \gset
\if :count > 1000
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
(SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
  WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id
    AND i.status = 'paid' AND i.currency = c.currency) AS total_spent,
(SELECT count(*) FROM subscriptions s
  WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.status = 'active') AS active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant AND ((c.name || '') ILIKE :pattern OR (c.email || '') ILIKE :pattern) ORDER BY c.created_at DESC, c.id DESC LIMIT :lim OFFSET :off) c ORDER BY c.created_at DESC, c.id DESC;
EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c WHERE c.tenant_id = :tenant AND (c.name ILIKE :pattern OR c.email ILIKE :pattern);
\else
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
(SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
  WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id
    AND i.status = 'paid' AND i.currency = c.currency) AS total_spent,
(SELECT count(*) FROM subscriptions s
  WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.status = 'active') AS active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant AND (c.name ILIKE :pattern OR c.email ILIKE :pattern) ORDER BY c.created_at DESC, c.id DESC LIMIT :lim OFFSET :off) c ORDER BY c.created_at DESC, c.id DESC;
\endif
