-- Issue 15 item 6: a search for a common term costs the same however many newer customers do not match.
-- No index on customers answers "the newest 21 customers whose search_text contains X" without reading every
-- match (trigram) or every newer row (created_at). This one does: a words index ordered by creation.
--
-- A word is a maximal run of the letters a-z in search_text (lower(name) || chr(1) || lower(email), V2).
-- A search term made only of the letters a-z that occurs in search_text lies inside one such run, so the
-- customers matching it are exactly those having a word that contains it: the words come from the per-tenant
-- dictionary search_words (trigram index: word LIKE '%term%'), and each word's customers, newest first, from a
-- backward walk of customer_search_words' primary key (an index-only scan). Both are kept by the triggers below,
-- in the writing transaction, so a search never sees a posting of a customer that is gone or renamed.
-- The dictionary is insert-only: a word no customer has any more costs one empty walk (a few index pages).
-- Plain [a-z]: PostgreSQL's regular expression ranges are code point ranges, whatever the collation.
SET LOCAL statement_timeout = 0;

CREATE FUNCTION search_words_of(search_text text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
      FROM regexp_split_to_table(search_text, '[^a-z]+') AS w
     WHERE w <> ''
$$;

-- postings: one row per (customer, distinct word); the key is the index a page walks
CREATE TABLE customer_search_words (
    tenant_id   text        NOT NULL,
    word        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    customer_id text        NOT NULL
);

-- the tenant's words
CREATE TABLE search_words (
    tenant_id text NOT NULL,
    word      text NOT NULL
);

-- the backfill before the keys and indexes (built once, not row by row)
INSERT INTO customer_search_words (tenant_id, word, created_at, customer_id)
SELECT c.tenant_id, w.word, c.created_at, c.id
  FROM customers c CROSS JOIN LATERAL unnest(search_words_of(c.search_text)) AS w (word);
INSERT INTO search_words (tenant_id, word)
SELECT DISTINCT tenant_id, word FROM customer_search_words;

ALTER TABLE customer_search_words ADD PRIMARY KEY (tenant_id, word, created_at, customer_id);
ALTER TABLE search_words ADD PRIMARY KEY (tenant_id, word);
CREATE INDEX search_words_word_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- Kept by the database in the write's transaction. An update rewrites the postings only when the words or the
-- creation time change (every API update writes all columns). The dictionary rows are inserted in word order,
-- so two creates adding the same new words cannot deadlock on them.
CREATE FUNCTION customers_maintain_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM customer_search_words s
         WHERE s.tenant_id = OLD.tenant_id AND s.word = ANY (search_words_of(OLD.search_text))
           AND s.created_at = OLD.created_at AND s.customer_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO search_words (tenant_id, word)
        SELECT NEW.tenant_id, w FROM unnest(search_words_of(NEW.search_text)) AS w
        ON CONFLICT DO NOTHING;
        INSERT INTO customer_search_words (tenant_id, word, created_at, customer_id)
        SELECT NEW.tenant_id, w, NEW.created_at, NEW.id FROM unnest(search_words_of(NEW.search_text)) AS w;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER customers_search_words_insert AFTER INSERT ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_maintain_search_words();
CREATE TRIGGER customers_search_words_update AFTER UPDATE ON customers
    FOR EACH ROW WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.created_at IS DISTINCT FROM NEW.created_at
                       OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION customers_maintain_search_words();
CREATE TRIGGER customers_search_words_delete AFTER DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_maintain_search_words();

-- a TRUNCATE of customers empties the postings too (no row triggers run for it)
CREATE FUNCTION customers_truncate_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE customer_search_words;
    RETURN NULL;
END
$$;

CREATE TRIGGER customers_search_words_truncate AFTER TRUNCATE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION customers_truncate_search_words();

ANALYZE customer_search_words;
ANALYZE search_words;
