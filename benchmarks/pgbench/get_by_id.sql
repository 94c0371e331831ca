-- GET /api/customers/{id}: PostgresCustomerReadModel.findView, one statement, binds (tenant, id): a point select
-- of one row that holds every field (total_spent and active_subscriptions are columns of customers, kept by
-- migration V5's triggers; no aggregate on read).
-- The id comes from the sample in bench.ids (the same ids wrk draws from): one extra primary-key lookup.
-- Variables: tenant, n_lo, n_hi (-D): ids of bench.ids from n_lo to n_hi (the sample: 1..count; -1 the customer with 10,000 paid invoices, -2 one with none).
\set n random(:n_lo, :n_hi)
SELECT id AS cid FROM bench.ids WHERE n = :n \gset
SELECT c.id, c.tenant_id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata::text AS metadata, c.created_at, c.updated_at,
c.total_spent, c.active_subscriptions
FROM customers c WHERE c.tenant_id = :tenant AND c.id = :cid;
