-- Issue 15 (i15l): the words index's upkeep (V7) for less CPU per create, same postings and dictionary.
-- V7's trigger called search_words_of (a SQL function with an aggregate, so not inlined: PostgreSQL before 18
-- plans its body again in every execution of a statement that calls it) twice per row, in two statements. Here the words of a row are
-- extracted once, in the trigger's own statement (PL/pgSQL keeps its plan), and the dictionary and the postings
-- are written by that one statement (the dictionary's rows in word order, as before: two creates adding the same
-- new words cannot deadlock on them; the postings' keys hold the customer's id, so they never conflict).
-- A word is what search_words_of makes (a maximal run of [a-z], distinct per row); the delete path (UPDATE,
-- DELETE) is V7's. search_words_of stays: the backfill of V7 and the benchmarks use it.
CREATE OR REPLACE FUNCTION customers_maintain_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM customer_search_words s
         WHERE s.tenant_id = OLD.tenant_id AND s.word = ANY (search_words_of(OLD.search_text))
           AND s.created_at = OLD.created_at AND s.customer_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        WITH w AS MATERIALIZED (
                SELECT DISTINCT w.word FROM regexp_split_to_table(NEW.search_text, '[^a-z]+') AS w (word)
                 WHERE w.word <> ''),
             d AS (
                INSERT INTO search_words (tenant_id, word)
                SELECT NEW.tenant_id, w.word FROM w ORDER BY w.word
                ON CONFLICT DO NOTHING)
        INSERT INTO customer_search_words (tenant_id, word, created_at, customer_id)
        SELECT NEW.tenant_id, w.word, NEW.created_at, NEW.id FROM w;
    END IF;
    RETURN NULL;
END
$$;
