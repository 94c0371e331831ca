-- GET /api/customers?search=<5 random letters>: PostgresCustomerReadModel.list (searchPage, default sort
-- createdAt desc, page 1). A search first seeks its page among the 1,000 newest rows of the tenant (read
-- lazily); a random term matches none of them, so it is rare: the fenced trigram page (the matches' keys and
-- sort key materialized through the trigram index, top-N, the page's rows joined after, the count of all
-- matches on each row); the page came back empty, so no count came with it: the bounded count (at most 1,001).
-- The pattern ('%' || escaped term || '%') comes from bench.terms: one extra primary-key lookup.
-- Variables (-D): tenant, terms_count, lim (= limit + 1), off.
\set n random(1, :terms_count)
SELECT pattern FROM bench.terms WHERE n = :n \gset
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, c.rn
FROM (SELECT * FROM (SELECT w.*, row_number() OVER (ORDER BY w.created_at DESC, w.id DESC) AS rn FROM (SELECT * FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT 1000) w) c WHERE c.search_text LIKE lower(:pattern) ORDER BY c.rn LIMIT :lim OFFSET :off) c ORDER BY c.rn;
WITH m AS MATERIALIZED (SELECT c.tenant_id, c.id, c.created_at AS sort_key FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern)),
page AS (SELECT m.tenant_id, m.id FROM m ORDER BY m.sort_key DESC, m.id DESC LIMIT :lim OFFSET :off)
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions, (SELECT count(*) FROM m) AS matched
FROM page JOIN customers c ON c.tenant_id = page.tenant_id AND c.id = page.id ORDER BY c.created_at DESC, c.id DESC;
SELECT count(*) FROM (SELECT 1 FROM customers c WHERE c.tenant_id = :tenant AND c.search_text LIKE lower(:pattern) LIMIT 1001) bounded;
