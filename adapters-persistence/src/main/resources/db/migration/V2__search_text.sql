-- Search reads one lower-cased text per customer instead of case-folding name and email on every row:
-- `search_text LIKE lower(pattern)` matches exactly what `name ILIKE pattern OR email ILIKE pattern`
-- matched. The two parts are joined by U+0001, a character no name, email or search term may hold, so a
-- term never matches across the boundary. One trigram index on it replaces the two on name and email.
ALTER TABLE customers
    ADD COLUMN search_text text GENERATED ALWAYS AS (lower(name) || chr(1) || lower(email)) STORED;

CREATE INDEX customers_search_text_trgm_idx ON customers USING gin (search_text gin_trgm_ops);
DROP INDEX customers_name_trgm_idx;
DROP INDEX customers_email_trgm_idx;
