-- The businesses list shows each business's invoice count: counted per request, that read every
-- assigned invoice of the tenant (~90,000 index entries at 100,000 invoices) for a list of 2,000.
-- A trigger on invoices keeps the counts in the transaction that assigns, moves or deletes an invoice
-- (uploads insert with no business, so they never touch it). A business's row goes at zero.
CREATE TABLE business_invoice_counts (
    tenant_id      uuid NOT NULL,
    business_id    uuid NOT NULL,
    invoice_count  integer NOT NULL,
    PRIMARY KEY (tenant_id, business_id)
);

CREATE FUNCTION business_invoice_count_move(tenant uuid, business uuid, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    remaining integer;
BEGIN
    IF business IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO business_invoice_counts AS c (tenant_id, business_id, invoice_count)
    VALUES (tenant, business, delta)
    ON CONFLICT (tenant_id, business_id) DO UPDATE SET invoice_count = c.invoice_count + EXCLUDED.invoice_count
    RETURNING c.invoice_count INTO remaining;
    IF remaining = 0 THEN
        DELETE FROM business_invoice_counts
        WHERE tenant_id = tenant AND business_id = business AND invoice_count = 0;
    END IF;
END $$;

CREATE FUNCTION business_invoice_counts_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM business_invoice_count_move(OLD.tenant_id, OLD.business_id, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM business_invoice_count_move(NEW.tenant_id, NEW.business_id, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER business_invoice_counts_insert AFTER INSERT ON invoices
    FOR EACH ROW WHEN (NEW.business_id IS NOT NULL) EXECUTE FUNCTION business_invoice_counts_follow();
CREATE TRIGGER business_invoice_counts_delete AFTER DELETE ON invoices
    FOR EACH ROW WHEN (OLD.business_id IS NOT NULL) EXECUTE FUNCTION business_invoice_counts_follow();
-- Also fires for ON DELETE SET NULL when a business is deleted (its row then reaches zero and goes).
CREATE TRIGGER business_invoice_counts_update AFTER UPDATE OF business_id, tenant_id ON invoices
    FOR EACH ROW WHEN ((OLD.business_id, OLD.tenant_id) IS DISTINCT FROM (NEW.business_id, NEW.tenant_id))
    EXECUTE FUNCTION business_invoice_counts_follow();

INSERT INTO business_invoice_counts (tenant_id, business_id, invoice_count)
SELECT tenant_id, business_id, count(*) FROM invoices WHERE business_id IS NOT NULL GROUP BY 1, 2;
