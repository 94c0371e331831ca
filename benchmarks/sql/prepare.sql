-- Before the bulk load: helper schema `bench`, the id generator, and the load-time removal of the
-- indexes and constraints of the five tables that get many rows (they are re-created, from their own
-- definitions, by run.sh right after the load: building an index once is far cheaper than maintaining it
-- row by row, above all the trigram GIN indexes). The words index of the loaded customers (migration V7) is
-- filled in bulk after the load (load_words.sql): its insert trigger is off until then.
\set ON_ERROR_STOP on

CREATE SCHEMA bench;

-- bench.ulid(ms, r1, r2): 'cust_' + 26 characters of lowercase Crockford base32, exactly the app's
-- PrefixedUlid: 10 characters of 48-bit epoch milliseconds, then two 8-character groups of 40 random bits
-- each. One plain SQL expression (so the planner inlines it); written out by this block.
DO $do$
DECLARE
    alphabet constant text := '0123456789abcdefghjkmnpqrstvwxyz';
    parts text[] := '{}';
    i int;
BEGIN
    FOR i IN REVERSE 9..0 LOOP
        parts := parts || format('substr(%L, ((ms >> %s) & 31)::int + 1, 1)', alphabet, 5 * i);
    END LOOP;
    FOR i IN REVERSE 7..0 LOOP
        parts := parts || format('substr(%L, ((r1 >> %s) & 31)::int + 1, 1)', alphabet, 5 * i);
    END LOOP;
    FOR i IN REVERSE 7..0 LOOP
        parts := parts || format('substr(%L, ((r2 >> %s) & 31)::int + 1, 1)', alphabet, 5 * i);
    END LOOP;
    EXECUTE format('CREATE FUNCTION bench.ulid(ms bigint, r1 bigint, r2 bigint) RETURNS text '
                   'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
                   'SELECT ''cust_'' || ' || array_to_string(parts, ' || '));
END
$do$;

-- The definitions to restore, then the drops.
CREATE TABLE bench.saved_ddl (ord int NOT NULL, tbl text NOT NULL, name text NOT NULL, ddl text NOT NULL);

INSERT INTO bench.saved_ddl
SELECT CASE c.contype WHEN 'p' THEN 1 WHEN 'u' THEN 2 ELSE 3 END,
       c.conrelid::regclass::text, c.conname,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
  FROM pg_constraint c
 WHERE c.conrelid IN ('customers'::regclass, 'subscriptions'::regclass, 'invoices'::regclass,
                      'customer_search_words'::regclass, 'search_words'::regclass)
   AND c.contype IN ('p', 'u', 'f');

INSERT INTO bench.saved_ddl
SELECT 4, i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
  FROM pg_index i
 WHERE i.indrelid IN ('customers'::regclass, 'subscriptions'::regclass, 'invoices'::regclass,
                      'customer_search_words'::regclass, 'search_words'::regclass)
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                    WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'));

DO $do$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM bench.saved_ddl WHERE ord = 4 LOOP
        EXECUTE format('DROP INDEX %s', r.name);
    END LOOP;
    FOR r IN SELECT * FROM bench.saved_ddl WHERE ord < 4 ORDER BY ord DESC LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.name);
    END LOOP;
END
$do$;

ALTER TABLE customers DISABLE TRIGGER customers_search_words_insert;

SELECT ord, tbl, name FROM bench.saved_ddl ORDER BY ord, tbl, name;
