-- Issue 15. Billing totals kept on the customer row (a GET is a point select), kept right by triggers in the
-- same transaction as the billing rows that change them; and the index keyset pagination by email needs.

-- 1. totalSpent (paid invoices in the customer's currency) and activeSubscriptions, maintained.
ALTER TABLE customers
    ADD COLUMN total_spent          numeric(20, 4) NOT NULL DEFAULT 0,
    ADD COLUMN active_subscriptions integer        NOT NULL DEFAULT 0;

-- Every change is a row-level UPDATE of the customer row: concurrent billing writes for one customer queue on
-- its row lock and each adds its delta to the committed value (READ COMMITTED re-reads the row), so none is
-- lost. The invoice trigger locks the row even for an invoice in another currency and compares currencies on
-- the locked row: a concurrent change of the customer's currency (which recomputes total_spent, below) is then
-- either seen by the invoice's delta or sees the committed invoice, never neither.
CREATE FUNCTION invoices_maintain_total_spent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'paid' THEN
        UPDATE customers c
           SET total_spent = c.total_spent - CASE WHEN c.currency = OLD.currency THEN OLD.amount_paid ELSE 0 END
         WHERE c.tenant_id = OLD.tenant_id AND c.id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'paid' THEN
        UPDATE customers c
           SET total_spent = c.total_spent + CASE WHEN c.currency = NEW.currency THEN NEW.amount_paid ELSE 0 END
         WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.customer_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoices_total_spent_insert_delete AFTER INSERT OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION invoices_maintain_total_spent();
-- an update matters only when a paid amount could move (voiding an open invoice does not touch the customer)
CREATE TRIGGER invoices_total_spent_update AFTER UPDATE ON invoices
    FOR EACH ROW
    WHEN ((OLD.status = 'paid' OR NEW.status = 'paid')
          AND (OLD.status, OLD.amount_paid, OLD.currency, OLD.customer_id, OLD.tenant_id)
              IS DISTINCT FROM (NEW.status, NEW.amount_paid, NEW.currency, NEW.customer_id, NEW.tenant_id))
    EXECUTE FUNCTION invoices_maintain_total_spent();

CREATE FUNCTION subscriptions_maintain_active_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
        UPDATE customers c SET active_subscriptions = c.active_subscriptions - 1
         WHERE c.tenant_id = OLD.tenant_id AND c.id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'active' THEN
        UPDATE customers c SET active_subscriptions = c.active_subscriptions + 1
         WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.customer_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER subscriptions_active_insert_delete AFTER INSERT OR DELETE ON subscriptions
    FOR EACH ROW EXECUTE FUNCTION subscriptions_maintain_active_count();
CREATE TRIGGER subscriptions_active_update AFTER UPDATE ON subscriptions
    FOR EACH ROW
    WHEN ((OLD.status = 'active' OR NEW.status = 'active')
          AND (OLD.status, OLD.customer_id, OLD.tenant_id) IS DISTINCT FROM (NEW.status, NEW.customer_id, NEW.tenant_id))
    EXECUTE FUNCTION subscriptions_maintain_active_count();

-- A customer whose currency changes counts the paid invoices of the new currency. The trigger runs after the
-- row lock is taken, and its query sees every invoice committed by then (a new snapshot per statement).
CREATE FUNCTION customers_recount_total_spent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.total_spent := (SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
                         WHERE i.tenant_id = NEW.tenant_id AND i.customer_id = NEW.id
                           AND i.status = 'paid' AND i.currency = NEW.currency);
    RETURN NEW;
END
$$;

CREATE TRIGGER customers_currency_change BEFORE UPDATE OF currency ON customers
    FOR EACH ROW WHEN (OLD.currency IS DISTINCT FROM NEW.currency)
    EXECUTE FUNCTION customers_recount_total_spent();

-- the backfill: today's totals, computed once
UPDATE customers c
   SET total_spent = t.total_spent, active_subscriptions = t.active_subscriptions
  FROM (SELECT c2.tenant_id, c2.id,
               (SELECT coalesce(sum(i.amount_paid), 0) FROM invoices i
                 WHERE i.tenant_id = c2.tenant_id AND i.customer_id = c2.id
                   AND i.status = 'paid' AND i.currency = c2.currency) AS total_spent,
               (SELECT count(*) FROM subscriptions s
                 WHERE s.tenant_id = c2.tenant_id AND s.customer_id = c2.id AND s.status = 'active') AS active_subscriptions
          FROM customers c2) t
 WHERE c.tenant_id = t.tenant_id AND c.id = t.id
   AND (c.total_spent, c.active_subscriptions) IS DISTINCT FROM (t.total_spent, t.active_subscriptions);
