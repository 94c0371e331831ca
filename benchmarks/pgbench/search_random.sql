-- GET /api/customers?search=<5 random letters>: PostgresCustomerReadModel.list (searchPage, default sort
-- createdAt desc, page 1). The term is not in the sample of search_text PostgreSQL keeps for its estimates
-- (pg_stats, read by the app once a minute), so the page is read through the trigram index first: at most
-- 1,001 matches' keys and sort key materialized, top-N, the page's rows joined after, and the count of the
-- matches read in the same statement (also when the page is empty). A random term has far fewer than 1,001
-- matches: that is the whole answer, total exact. One statement.
-- The pattern ('%' || escaped term || '%') comes from bench.terms: one extra primary-key lookup.
-- Variables (-D): tenant, terms_count, lim (= limit + 1), off.
\set n random(1, :terms_count)
SELECT pattern FROM bench.terms WHERE n = :n \gset
WITH m AS MATERIALIZED (SELECT c.tenant_id, c.id, c.created_at AS sort_key FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern) LIMIT 1001),
page AS (SELECT m.tenant_id, m.id FROM m ORDER BY m.sort_key DESC, m.id DESC LIMIT :lim OFFSET :off)
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, n.matched
FROM (SELECT count(*) AS matched FROM m) n LEFT JOIN (page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id) ON true ORDER BY c.created_at DESC, c.id DESC;
