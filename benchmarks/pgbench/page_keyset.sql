-- GET /api/customers?startingAfter=<id>&limit=L (default order createdAt desc, id desc):
-- PostgresCustomerReadModel.list (keysetPage), on one connection, ONE statement: the L + 1 rows after the cursor
-- from the created-at index, the cursor customer's sort key read inside it by primary key (an InitPlan; then
-- ROW(created_at, id) < ROW($k, $id) is the index condition: constant cost at any depth). The cursor is looked up
-- on its own only when the page comes back empty (unknown cursor or end of the list: not this page). Then the
-- total of the whole list as for page 1: the tenant's estimate, kept by the app for 10 s, far above 1,000, so no
-- count (see list_page.sql). The app writes the tenant, LIMIT and OFFSET into the text (filtered by its tenant
-- alone, the statement is prepared on the server after 5 uses and PostgreSQL keeps its generic plan); run.sh
-- writes @tenant@ and @lim@ in.
-- The cursor id is the row just before the deep page (bench.cursors, the same row wrk's requests name).
-- Variables (-D): cursor (a name in bench.cursors).
SELECT id AS kid FROM bench.cursors WHERE name = :cursor \gset
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM (SELECT * FROM customers c WHERE c.tenant_id = '@tenant@' AND (c.created_at, c.id) < (SELECT cursor_row.created_at, cursor_row.id FROM customers cursor_row WHERE cursor_row.tenant_id = '@tenant@' AND cursor_row.id = :kid) ORDER BY c.created_at DESC, c.id DESC LIMIT @lim@ OFFSET 0) c ORDER BY c.created_at DESC, c.id DESC;
