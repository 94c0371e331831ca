-- Lookup tables for the pgbench scripts (pgbench can draw random numbers, not random strings; a script
-- turns its random number into a value with one primary-key lookup and \gset).
-- psql variables: ids (sample size of tenant 'default' customer ids), terms (random search terms).
\set ON_ERROR_STOP on

-- a random sample of the customer ids of tenant 'default' (wrk reads the same sample from a file)
CREATE TABLE bench.ids (n int PRIMARY KEY, id text NOT NULL);
INSERT INTO bench.ids
SELECT row_number() OVER (), id
  FROM (SELECT id FROM customers WHERE tenant_id = 'default' ORDER BY random() LIMIT :ids) s;

-- random 5-letter search terms, as the LIKE pattern the app binds: '%' || escaped term || '%'
-- (CustomerListSql.escapeLike: \ -> \\, % -> \%, _ -> \_; a no-op for letters, kept for fidelity)
CREATE TABLE bench.terms (n int PRIMARY KEY, term text NOT NULL, pattern text NOT NULL);
INSERT INTO bench.terms
SELECT n, term, '%' || replace(replace(replace(term, '\', '\\'), '%', '\%'), '_', '\_') || '%'
  FROM (SELECT n, string_agg(chr(97 + floor(random() * 26)::int), '' ORDER BY k) AS term
          FROM generate_series(1, :terms) AS n CROSS JOIN generate_series(1, 5) AS k
         GROUP BY n) s;

-- unique emails and external ids for the pgbench inserts
CREATE SEQUENCE bench.email_seq;
