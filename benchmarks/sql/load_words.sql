-- After the bulk load: the words index of the loaded customers (migration V7's backfill, in bulk: the
-- insert trigger was off for the load, prepare.sql), then the trigger back on for every later write (the
-- app's creates, cliff.sql). Keys and indexes are rebuilt after this by run.sh with the others.
\set ON_ERROR_STOP on

INSERT INTO customer_search_words (tenant_id, word, created_at, customer_id)
SELECT c.tenant_id, w.word, c.created_at, c.id
  FROM customers c CROSS JOIN LATERAL unnest(search_words_of(c.search_text)) AS w (word);
INSERT INTO search_words (tenant_id, word)
SELECT DISTINCT tenant_id, word FROM customer_search_words;

ALTER TABLE customers ENABLE TRIGGER customers_search_words_insert;
