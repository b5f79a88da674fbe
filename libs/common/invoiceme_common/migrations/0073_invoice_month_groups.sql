-- The list's month groups (count and per-currency total per invoice month) of a whole tenant read
-- every invoice's index entry (100,000 at 100,000 invoices) per request. Kept here per (tenant,
-- month, currency) by a trigger on invoices, for the dated months only: uploads insert with no
-- fields (month 'unknown'), so every upload of a tenant would wait on one row; the 'unknown' group
-- stays a live read of its own index range (invoices in flight, failed, or with no date).
CREATE TABLE invoice_month_groups (
    tenant_id      uuid NOT NULL,
    list_month     text NOT NULL,           -- invoices.list_month (YYYY-MM; never 'unknown' here)
    list_currency  text,                    -- invoices.list_currency (NULL: none read)
    invoice_count  integer NOT NULL,
    total_count    integer NOT NULL,        -- ... of which have a numeric total
    total_sum      numeric NOT NULL,        -- their sum
    CONSTRAINT invoice_month_groups_key UNIQUE NULLS NOT DISTINCT (tenant_id, list_month, list_currency)
);

CREATE FUNCTION invoice_month_group_move(tenant uuid, month text, currency text, total numeric, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    remaining integer;
BEGIN
    IF month = 'unknown' THEN
        RETURN;
    END IF;
    INSERT INTO invoice_month_groups AS g (tenant_id, list_month, list_currency, invoice_count, total_count,
                                          total_sum)
    VALUES (tenant, month, currency, sign, sign * (total IS NOT NULL)::integer, sign * coalesce(total, 0))
    ON CONFLICT ON CONSTRAINT invoice_month_groups_key DO UPDATE
    SET invoice_count = g.invoice_count + EXCLUDED.invoice_count,
        total_count = g.total_count + EXCLUDED.total_count,
        total_sum = g.total_sum + EXCLUDED.total_sum
    RETURNING g.invoice_count INTO remaining;
    IF remaining = 0 THEN
        DELETE FROM invoice_month_groups
        WHERE tenant_id = tenant AND list_month = month AND list_currency IS NOT DISTINCT FROM currency
          AND invoice_count = 0;
    END IF;
END $$;

CREATE FUNCTION invoice_month_groups_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM invoice_month_group_move(OLD.tenant_id, OLD.list_month, OLD.list_currency, OLD.list_total, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM invoice_month_group_move(NEW.tenant_id, NEW.list_month, NEW.list_currency, NEW.list_total, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER invoice_month_groups_insert AFTER INSERT ON invoices
    FOR EACH ROW WHEN (NEW.list_month <> 'unknown') EXECUTE FUNCTION invoice_month_groups_follow();
CREATE TRIGGER invoice_month_groups_delete AFTER DELETE ON invoices
    FOR EACH ROW WHEN (OLD.list_month <> 'unknown') EXECUTE FUNCTION invoice_month_groups_follow();
CREATE TRIGGER invoice_month_groups_update AFTER UPDATE ON invoices
    FOR EACH ROW
    WHEN ((OLD.tenant_id, OLD.list_month, OLD.list_currency, OLD.list_total)
          IS DISTINCT FROM (NEW.tenant_id, NEW.list_month, NEW.list_currency, NEW.list_total))
    EXECUTE FUNCTION invoice_month_groups_follow();

INSERT INTO invoice_month_groups (tenant_id, list_month, list_currency, invoice_count, total_count, total_sum)
SELECT tenant_id, list_month, list_currency, count(*), count(list_total), coalesce(sum(list_total), 0)
FROM invoices WHERE list_month <> 'unknown'
GROUP BY 1, 2, 3;
