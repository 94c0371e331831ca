-- GET /api/customers?page=P&limit=L (no filter): PostgresCustomerReadModel.list (plainPage). The page query for
-- L + 1 rows -- from offset 1,000 on its keys first (index-only scan), then the rows. More than L rows came
-- back, so the total is needed: the app keeps PostgreSQL's estimate of the tenant's rows for 10 s (one
-- EXPLAIN every 10 s, not per request: not here) and, as it is far above 1,000 (10,000 or more), does not
-- count (a bounded count of 1,001 rows runs only for lists estimated below 10,000). One statement.
-- The billing totals are columns of customers (V5).
-- Before offset 1,000 the app writes the tenant, LIMIT and OFFSET into the text (a list filtered by its tenant
-- alone: prepared on the server after 5 uses, PostgreSQL keeps its generic plan); run.sh writes them in for
-- @tenant@, @lim@ and @off@.
-- Variables (-D): tenant, lim (= L + 1), off (= (P - 1) * L).
\if :off >= 1000
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM (SELECT c.tenant_id, c.id FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT :lim OFFSET :off) page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id ORDER BY c.created_at DESC, c.id DESC;
\else
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = '@tenant@' ORDER BY c.created_at DESC, c.id DESC LIMIT @lim@ OFFSET @off@) c ORDER BY c.created_at DESC, c.id DESC;
\endif
