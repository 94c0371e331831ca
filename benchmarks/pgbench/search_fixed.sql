-- GET /api/customers?search=<a common term>: PostgresCustomerStore.list with CustomerListSql (default sort
-- createdAt desc, page 1): the page query for limit + 1 rows; more than limit rows came back, so the
-- bounded count (at most 10,001 rows); past 10,000, EXPLAIN for the estimate -- the same condition.
-- Variables (-D): tenant, pattern ('%' || escaped term || '%'), lim (= limit + 1), off.
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
(SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
  WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id
    AND i.status = 'paid' AND i.currency = c.currency) AS total_spent,
(SELECT count(*) FROM subscriptions s
  WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id AND s.status = 'active') AS active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant AND (c.name ILIKE :pattern OR c.email ILIKE :pattern) ORDER BY c.created_at DESC, c.id DESC LIMIT :lim OFFSET :off) c ORDER BY c.created_at DESC, c.id DESC;
SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.tenant_id = :tenant AND (c.name ILIKE :pattern OR c.email ILIKE :pattern) LIMIT 10001) bounded \gset
\if :count > 10000
EXPLAIN (FORMAT JSON) SELECT 1 FROM customers c WHERE c.tenant_id = :tenant AND (c.name ILIKE :pattern OR c.email ILIKE :pattern);
\endif
