-- "No cliffs": :cliff_rows customers newer than every other row of tenant 'default' that match neither
-- the common name nor (but by a 1-in-millions chance) a random 5-letter term: the same rows in customers
-- and in bench.flat. Their emails end in @cliff.example. psql variable: cliff_rows.
\set ON_ERROR_STOP on

CREATE TABLE bench.cliff AS
SELECT 'default'::text AS tenant_id,
       bench.ulid(ms, floor(random() * 1099511627776)::bigint, floor(random() * 1099511627776)::bigint) AS id,
       'Newer Visitor ' || lpad(g::text, 6, '0') AS name,
       'newer.' || g || '@cliff.example' AS email,
       to_timestamp(ms / 1000.0) AS created_at
  FROM (SELECT g, (floor(extract(epoch FROM now()) * 1000) + 60000 + g)::bigint AS ms
          FROM generate_series(1, :cliff_rows) g) s;

INSERT INTO customers (tenant_id, id, external_id, email, name, country, currency, status, metadata, created_at, updated_at)
SELECT tenant_id, id, NULL, email, name, 'UG', 'UGX', 'active', '{}', created_at, created_at FROM bench.cliff;
INSERT INTO bench.flat (tenant_id, id, external_id, email, name, country, currency, status, metadata, created_at, updated_at)
SELECT tenant_id, id, NULL, email, name, 'UG', 'UGX', 'active', '{}', created_at, created_at FROM bench.cliff;
