-- GET /api/customers?search=<5 random letters>: PostgresCustomerReadModel.list (default sort createdAt desc,
-- page 1). A search first seeks its page among the 1,000 newest rows of the tenant (read lazily); a random
-- term matches none of them, so it is rare: a bounded count (at most 1,001 matches) and the page, both
-- through the trigram indexes. The pattern ('%' || escaped term || '%') comes from bench.terms: one extra
-- primary-key lookup. Variables (-D): tenant, terms_count, lim (= limit + 1), off.
\set n random(1, :terms_count)
SELECT pattern FROM bench.terms WHERE n = :n \gset
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
