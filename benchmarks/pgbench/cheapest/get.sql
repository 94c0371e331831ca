-- Cheapest GET /api/customers/{id}: a point select by key of a row that holds every field the API returns
-- (bench.flat: the customers columns with the billing totals as columns). The id comes from bench.ids at
-- n in [:n_lo, :n_hi] (the sample, or the rich / no-invoice customer). Variables: tenant, n_lo, n_hi.
\set n random(:n_lo, :n_hi)
SELECT id AS cid FROM bench.ids WHERE n = :n \gset
SELECT f.id, f.external_id, f.email, f.name, f.country, f.currency, f.status, f.metadata, f.created_at, f.updated_at, f.total_spent, f.active_subscriptions FROM bench.flat f WHERE f.tenant_id = :tenant AND f.id = :cid;
