-- Cheapest GET /api/customers?search=<5 random letters>: the page (limit + 1 rows) through the trigram
-- index, the planner's own choice for a rare term; fewer than limit + 1 rows come back, so that page is
-- the last one and its row count is the total: no count. Pattern from bench.terms.
-- Variables: tenant, terms_count, lim (= limit + 1).
\set n random(1, :terms_count)
SELECT pattern FROM bench.terms WHERE n = :n \gset
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = :tenant AND f.search_text LIKE lower(:pattern) ORDER BY f.created_at DESC, f.id DESC LIMIT :lim;
