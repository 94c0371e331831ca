-- The yardstick: what the cheapest SQL that answers each request can do on this machine.
-- psql variables: rich_invoices (paid invoices given to one customer), off (rows before the deep page).
--
-- 1. Two customers of tenant 'default' for the constant-cost scenario: one gets :rich_invoices paid
--    invoices in its own currency, the other has no invoice and no subscription. Their ids go into
--    bench.ids at n = -1 (rich) and n = -2 (none), where the GET-by-id scripts find them.
-- 2. bench.flat: a plain table of the same columns, constraints (no foreign key) and indexes as
--    customers, with the two billing totals as columns (computed once here), i.e. a row that holds every
--    field the API returns. The "cheapest SQL" scripts (pgbench/cheapest/) read and write only this table.
-- 3. bench.cursors: the (created_at, id) of the row just before the deep page, for the keyset SQL.
-- 4. bench.flat's words index, the structure customers has (migration V7): bench.flat_words (each word's
--    customers in creation order) and bench.flat_dict (the tenant's words, trigram index), kept by the same
--    triggers (the function's body is the app's, as migration V8 last made it), so the cheapest search SQL can
--    walk it and the cheapest INSERT pays its upkeep as the app does.
\set ON_ERROR_STOP on

CREATE TABLE bench.special (kind text PRIMARY KEY, id text NOT NULL, currency text NOT NULL);
INSERT INTO bench.special
SELECT 'rich', c.id, c.currency FROM customers c
 WHERE c.tenant_id = 'default' AND c.id NOT IN (SELECT id FROM bench.ids)
 ORDER BY c.id LIMIT 1;
INSERT INTO bench.special
SELECT 'none', c.id, c.currency FROM customers c
 WHERE c.tenant_id = 'default' AND c.id NOT IN (SELECT id FROM bench.ids)
   AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id)
   AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id)
 ORDER BY c.id DESC LIMIT 1;

INSERT INTO invoices (tenant_id, id, customer_id, status, currency, amount_due, amount_paid, created_at)
SELECT 'default', 'inv_richbench' || lpad(g::text, 13, '0'), s.id, 'paid', s.currency, 1000 + g % 500, 1000 + g % 500,
       now() - g * interval '1 hour'
  FROM bench.special s CROSS JOIN generate_series(1, :rich_invoices) g
 WHERE s.kind = 'rich';

INSERT INTO bench.ids SELECT -1, id FROM bench.special WHERE kind = 'rich';
INSERT INTO bench.ids SELECT -2, id FROM bench.special WHERE kind = 'none';

-- customers has total_spent and active_subscriptions since migration V5 (kept by triggers); bench.flat gets
-- them from LIKE and its values are computed here from the billing rows, independently of the triggers
CREATE TABLE bench.flat (LIKE public.customers INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS);

INSERT INTO bench.flat (tenant_id, id, external_id, email, name, country, currency, status, metadata,
                        created_at, updated_at, total_spent, active_subscriptions)
WITH paid AS (
    SELECT tenant_id, customer_id, currency, sum(amount_paid) AS total
      FROM invoices WHERE status = 'paid' GROUP BY tenant_id, customer_id, currency
), active AS (
    SELECT tenant_id, customer_id, count(*) AS n
      FROM subscriptions WHERE status = 'active' GROUP BY tenant_id, customer_id
)
SELECT c.tenant_id, c.id, c.external_id, c.email, c.name, c.country, c.currency, c.status, c.metadata,
       c.created_at, c.updated_at, coalesce(p.total, 0), coalesce(a.n, 0)
  FROM customers c
  LEFT JOIN paid p ON p.tenant_id = c.tenant_id AND p.customer_id = c.id AND p.currency = c.currency
  LEFT JOIN active a ON a.tenant_id = c.tenant_id AND a.customer_id = c.id;

-- the totals customers holds (load backfill, then the triggers for the rich customer's invoices) must be those
-- computed from the billing rows
DO $do$
DECLARE
    bad bigint;
BEGIN
    SELECT count(*) INTO bad FROM bench.flat f JOIN customers c ON c.tenant_id = f.tenant_id AND c.id = f.id
     WHERE (c.total_spent, c.active_subscriptions) IS DISTINCT FROM (f.total_spent, f.active_subscriptions);
    IF bad > 0 THEN
        RAISE EXCEPTION '% customers hold billing totals that differ from their billing rows', bad;
    END IF;
END
$do$;

-- the same primary key, unique constraints and indexes as customers (their saved definitions, renamed to
-- the new table; index names are per schema, so they can stay); no foreign key
DO $do$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT ddl FROM bench.saved_ddl WHERE tbl = 'customers' AND ddl NOT LIKE '%FOREIGN KEY%' ORDER BY ord, name LOOP
        EXECUTE replace(replace(r.ddl, 'ALTER TABLE customers ', 'ALTER TABLE bench.flat '),
                        ' ON public.customers ', ' ON bench.flat ');
    END LOOP;
END
$do$;

CREATE TABLE bench.flat_words (LIKE public.customer_search_words);
INSERT INTO bench.flat_words (tenant_id, word, created_at, customer_id)
SELECT f.tenant_id, w.word, f.created_at, f.id
  FROM bench.flat f CROSS JOIN LATERAL unnest(public.search_words_of(f.search_text)) AS w (word);
ALTER TABLE bench.flat_words ADD PRIMARY KEY (tenant_id, word, created_at, customer_id);
CREATE TABLE bench.flat_dict (LIKE public.search_words);
INSERT INTO bench.flat_dict (tenant_id, word) SELECT DISTINCT tenant_id, word FROM bench.flat_words;
ALTER TABLE bench.flat_dict ADD PRIMARY KEY (tenant_id, word);
CREATE INDEX flat_dict_word_trgm_idx ON bench.flat_dict USING gin (word gin_trgm_ops);

-- the body of customers_maintain_search_words as migration V8 has it (the words extracted once, one statement for
-- the dictionary and the postings), on bench.flat's tables
CREATE FUNCTION bench.flat_maintain_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM bench.flat_words s
         WHERE s.tenant_id = OLD.tenant_id AND s.word = ANY (public.search_words_of(OLD.search_text))
           AND s.created_at = OLD.created_at AND s.customer_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        WITH w AS MATERIALIZED (
                SELECT DISTINCT w.word FROM regexp_split_to_table(NEW.search_text, '[^a-z]+') AS w (word)
                 WHERE w.word <> ''),
             d AS (
                INSERT INTO bench.flat_dict (tenant_id, word)
                SELECT NEW.tenant_id, w.word FROM w ORDER BY w.word
                ON CONFLICT DO NOTHING)
        INSERT INTO bench.flat_words (tenant_id, word, created_at, customer_id)
        SELECT NEW.tenant_id, w.word, NEW.created_at, NEW.id FROM w;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER flat_words_insert AFTER INSERT ON bench.flat
    FOR EACH ROW EXECUTE FUNCTION bench.flat_maintain_words();
CREATE TRIGGER flat_words_update AFTER UPDATE ON bench.flat
    FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.created_at IS DISTINCT FROM NEW.created_at
                       OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION bench.flat_maintain_words();
CREATE TRIGGER flat_words_delete AFTER DELETE ON bench.flat
    FOR EACH ROW EXECUTE FUNCTION bench.flat_maintain_words();

CREATE TABLE bench.cursors (name text PRIMARY KEY, created_at timestamptz NOT NULL, id text NOT NULL);
INSERT INTO bench.cursors
SELECT 'deep', created_at, id FROM customers WHERE tenant_id = 'default'
 ORDER BY created_at DESC, id DESC OFFSET greatest(:off - 1, 0) LIMIT 1;

SELECT (SELECT count(*) FROM bench.flat) AS flat_rows,
       (SELECT count(*) FROM pg_indexes WHERE schemaname = 'bench' AND tablename = 'flat') AS flat_indexes,
       (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'customers') AS customers_indexes,
       (SELECT count(*) FROM bench.flat_words) AS flat_postings,
       (SELECT count(*) FROM public.customer_search_words) AS customers_postings;
