-- GET /api/customers?search=<a common term>: PostgresCustomerReadModel.list (searchPage, default sort createdAt
-- desc, page 1). The term is dense in the sample of search_text PostgreSQL keeps for its estimates (pg_stats,
-- read by the app once a minute, no statement per request), so the page is first sought among the 1,000 newest
-- rows of the tenant, read lazily: a 1-in-22 name fills it after ~460 rows. The total is the estimate of the
-- tenant's rows (kept by the app for 10 s: an EXPLAIN every 10 s, not per request, not here) times the term's
-- share of the sample, 10,000 or more: not counted. One statement.
-- Not here: when that estimate is under 10,000 (a small tenant), the app also counts the matches (the capped
-- trigram statement of search_random.sql); not the case at 1M rows.
-- Variables (-D): tenant, pattern ('%' || escaped term || '%'), lim (= limit + 1), off.
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM (SELECT c.*, c.created_at AS sort_key FROM customers c WHERE c.tenant_id = :tenant ORDER BY c.created_at DESC, c.id DESC LIMIT 1000) c WHERE c.search_text LIKE lower(:pattern) ORDER BY c.sort_key DESC, c.id DESC LIMIT :lim OFFSET :off;
