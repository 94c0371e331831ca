-- GET /api/customers?search=<a common term>: PostgresCustomerReadModel.list (searchPage, default sort createdAt
-- desc, page 1), through the words index (migration V7, SearchWords): the words of the tenant's dictionary
-- containing the term (trigram index on search_words; 'wanjiru' is in one or two), as one row (an array and its
-- length); then each word's newest offset + limit + 1 customers (backward index-only walks of
-- customer_search_words), the newest limit + 1 of them joined to customers by key and re-checked. Its cost does
-- not depend on how many newer customers do not match. The page is full: the total is the estimate of the
-- tenant's rows (kept by the app for 10 s) times the term's share of the pg_stats sample (read once a minute) when
-- that is 10,000 or more (1M rows); below (a smaller tenant, e.g. 200,000 rows) the app counts the matches over
-- the postings of the words its lookup found, up to 1,001 per word, on a generic plan (SearchWords.countSql since
-- the seventeenth look: the tenant, the number of words and the bound in the text; with_count = 1, set by run.sh
-- when the app's log holds that statement; written here for one word, as the walk).
-- The walk as the app writes it (SearchWords.pageSql, on a generic plan since the sixteenth look): the tenant, the
-- LIMITs and the OFFSET in the text (rendered by run.sh: @tenant@, @walk@ = offset + limit + 1, @lim@ = limit + 1,
-- @off@) and the number of words as the LIMIT of the array's elements, one text per count: 1 here (the benchmark's
-- terms are in at most one word); more words run the walk with LIMIT 200, a text the app does not send.
-- Variables (-D): tenant, pattern ('%' || escaped term || '%'), lim (= limit + 1), off, with_count.
SELECT array_agg(d.word) AS words, count(*) AS word_count FROM (SELECT d.word FROM search_words d WHERE d.tenant_id = :tenant AND d.word LIKE lower(:pattern) LIMIT 201) d \gset
\if :word_count = 1
WITH k AS (SELECT DISTINCT p.created_at, p.customer_id FROM (SELECT unnest(:words::text[]) AS word LIMIT 1) AS w CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM customer_search_words s WHERE s.tenant_id = '@tenant@' AND s.word = w.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT @walk@) p),
page AS (SELECT k.created_at, k.customer_id FROM k ORDER BY k.created_at DESC, k.customer_id DESC LIMIT @lim@ OFFSET @off@)
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM page JOIN customers c ON c.tenant_id = '@tenant@' AND c.id = page.customer_id AND c.search_text LIKE lower(:pattern) ORDER BY c.created_at DESC, c.id DESC;
\else
WITH k AS (SELECT DISTINCT p.created_at, p.customer_id FROM (SELECT unnest(:words::text[]) AS word LIMIT 200) AS w CROSS JOIN LATERAL (SELECT s.created_at, s.customer_id FROM customer_search_words s WHERE s.tenant_id = '@tenant@' AND s.word = w.word ORDER BY s.created_at DESC, s.customer_id DESC LIMIT @walk@) p),
page AS (SELECT k.created_at, k.customer_id FROM k ORDER BY k.created_at DESC, k.customer_id DESC LIMIT @lim@ OFFSET @off@)
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM page JOIN customers c ON c.tenant_id = '@tenant@' AND c.id = page.customer_id AND c.search_text LIKE lower(:pattern) ORDER BY c.created_at DESC, c.id DESC;
\endif
\if :with_count
\if :word_count = 1
SELECT count(DISTINCT x.customer_id) AS matched, count(*) AS postings FROM (SELECT s.customer_id FROM (SELECT unnest(:words::text[]) AS word LIMIT 1) AS w JOIN customer_search_words s ON s.tenant_id = '@tenant@' AND s.word = w.word LIMIT 1001) x;
\endif
\endif
