-- Issue 15 (i15m): a create no longer locks its tenant's row.
-- The foreign keys of customers, events and idempotency_keys to tenants made every insert into those tables run
-- SELECT 1 FROM tenants WHERE id = $1 FOR KEY SHARE: with concurrent creates of one tenant, each create locked the
-- same tenants row, made a new MultiXact of all its lockers and wrote two more WAL records (the lock on the tuple
-- and the MultiXact), under an exclusive lock on that one heap page (docs/benchmarks.md "POST, fifth pass").
-- What those keys guarded -- no row of a tenant that does not exist -- now holds because:
--   * the service writes such rows only for the calling API key's tenant (ApiPrincipal: no request names another
--     tenant), and api_keys keeps its foreign key, so that tenant's row existed before the key did;
--   * a tenant row is never removed or renamed: no API or admin call deletes a tenant, and the trigger below makes
--     the database refuse a DELETE, a TRUNCATE and a change of id of tenants whatever sends it.
-- The foreign keys of api_keys, subscriptions, invoices and webhook_endpoints stay (not on a create's path).
ALTER TABLE customers DROP CONSTRAINT customers_tenant_id_fkey;
ALTER TABLE events DROP CONSTRAINT events_tenant_id_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_tenant_id_fkey;

CREATE FUNCTION tenants_are_never_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a tenant is never removed or renamed (%): rows of customers, events and idempotency_keys name it',
        CASE WHEN TG_OP = 'UPDATE' THEN 'change of id of ' || OLD.id WHEN TG_OP = 'DELETE' THEN 'delete of ' || OLD.id
             ELSE 'truncate of tenants' END
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER tenants_never_deleted BEFORE DELETE ON tenants
    FOR EACH ROW EXECUTE FUNCTION tenants_are_never_removed();
CREATE TRIGGER tenants_id_never_changed BEFORE UPDATE ON tenants
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION tenants_are_never_removed();
CREATE TRIGGER tenants_never_truncated BEFORE TRUNCATE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION tenants_are_never_removed();
