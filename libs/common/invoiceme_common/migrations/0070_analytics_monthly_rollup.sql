-- The analytics read APIs of a tenant with 100,000 invoices answer from a monthly rollup, not by
-- summing every fact per request (bench/scale; before/after in docs/BENCHMARKS.md, section scale2).
--
-- What the current facts with a total contribute, summed at two grains: per (tenant, invoice month,
-- invoice currency, business) in analytics_monthly (a business's page, top businesses), and per
-- (tenant, month, currency) in analytics_monthly_totals (a tenant's totals: ~40 months x a few
-- currencies, however many invoices). A trigger on analytics_invoice_facts keeps both in the same
-- transaction as the fact they follow, so every writer of facts keeps them exact without knowing about
-- them: the consumer (saved/deleted, idempotent per invoice and extraction_version), re-pricing, the
-- replay and the rebuild. Replacing a fact takes its old contribution out and puts the new one in, so
-- the rollup is always the sum over the current facts.
CREATE TABLE analytics_monthly (
    tenant_id            uuid NOT NULL,
    month                text NOT NULL,      -- YYYY-MM, or 'unknown' (no invoice date), as the facts
    currency             text NOT NULL,      -- the invoice's own currency
    business_id          uuid,               -- NULL: not assigned to a business
    invoice_count        integer NOT NULL,   -- facts with a total
    total_sum            numeric NOT NULL,   -- their totals, in `currency`
    converted_count      integer NOT NULL,   -- ... of which have a base-currency amount
    base_total_sum       numeric NOT NULL,   -- their sum in the tenant's base currency
    reclaimable_vat_sum  numeric NOT NULL,   -- base currency
    CONSTRAINT analytics_monthly_key UNIQUE NULLS NOT DISTINCT (tenant_id, month, currency, business_id)
);
CREATE TABLE analytics_monthly_totals (
    tenant_id            uuid NOT NULL,
    month                text NOT NULL,
    currency             text NOT NULL,
    invoice_count        integer NOT NULL,
    unassigned_count     integer NOT NULL,   -- ... of which have no business
    total_sum            numeric NOT NULL,
    converted_count      integer NOT NULL,
    base_total_sum       numeric NOT NULL,
    reclaimable_vat_sum  numeric NOT NULL,
    PRIMARY KEY (tenant_id, month, currency)
);
-- One business's months (its figures page).
CREATE INDEX analytics_monthly_business ON analytics_monthly (tenant_id, business_id, month);

-- Adds (sign 1) or takes out (sign -1) one fact's contribution at both grains; a row that reaches no
-- invoices goes.
CREATE FUNCTION analytics_monthly_move(fact analytics_invoice_facts, sign integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    remaining integer;
BEGIN
    IF fact.deleted OR fact.total IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO analytics_monthly AS m (tenant_id, month, currency, business_id, invoice_count, total_sum,
                                        converted_count, base_total_sum, reclaimable_vat_sum)
    VALUES (fact.tenant_id, coalesce(fact.month, 'unknown'), coalesce(fact.currency, 'XXX'),
            fact.business_id, sign, sign * fact.total, sign * (fact.base_total IS NOT NULL)::integer,
            sign * coalesce(fact.base_total, 0), sign * coalesce(fact.reclaimable_vat, 0))
    ON CONFLICT ON CONSTRAINT analytics_monthly_key DO UPDATE
    SET invoice_count = m.invoice_count + EXCLUDED.invoice_count,
        total_sum = m.total_sum + EXCLUDED.total_sum,
        converted_count = m.converted_count + EXCLUDED.converted_count,
        base_total_sum = m.base_total_sum + EXCLUDED.base_total_sum,
        reclaimable_vat_sum = m.reclaimable_vat_sum + EXCLUDED.reclaimable_vat_sum
    RETURNING m.invoice_count INTO remaining;
    IF remaining = 0 THEN
        DELETE FROM analytics_monthly
        WHERE tenant_id = fact.tenant_id AND month = coalesce(fact.month, 'unknown')
          AND currency = coalesce(fact.currency, 'XXX') AND business_id IS NOT DISTINCT FROM fact.business_id
          AND invoice_count = 0;
    END IF;

    INSERT INTO analytics_monthly_totals AS t (tenant_id, month, currency, invoice_count, unassigned_count,
                                               total_sum, converted_count, base_total_sum, reclaimable_vat_sum)
    VALUES (fact.tenant_id, coalesce(fact.month, 'unknown'), coalesce(fact.currency, 'XXX'), sign,
            sign * (fact.business_id IS NULL)::integer, sign * fact.total,
            sign * (fact.base_total IS NOT NULL)::integer, sign * coalesce(fact.base_total, 0),
            sign * coalesce(fact.reclaimable_vat, 0))
    ON CONFLICT (tenant_id, month, currency) DO UPDATE
    SET invoice_count = t.invoice_count + EXCLUDED.invoice_count,
        unassigned_count = t.unassigned_count + EXCLUDED.unassigned_count,
        total_sum = t.total_sum + EXCLUDED.total_sum,
        converted_count = t.converted_count + EXCLUDED.converted_count,
        base_total_sum = t.base_total_sum + EXCLUDED.base_total_sum,
        reclaimable_vat_sum = t.reclaimable_vat_sum + EXCLUDED.reclaimable_vat_sum
    RETURNING t.invoice_count INTO remaining;
    IF remaining = 0 THEN
        DELETE FROM analytics_monthly_totals
        WHERE tenant_id = fact.tenant_id AND month = coalesce(fact.month, 'unknown')
          AND currency = coalesce(fact.currency, 'XXX') AND invoice_count = 0;
    END IF;
END $$;

-- `invoiceme.rollup_off` = 'on' (transaction-local) skips it: clearing the whole projection clears
-- the rollup in two statements instead of taking out 100,000 contributions one by one.
CREATE FUNCTION analytics_monthly_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('invoiceme.rollup_off', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM analytics_monthly_move(OLD, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM analytics_monthly_move(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER analytics_monthly_insert_delete AFTER INSERT OR DELETE ON analytics_invoice_facts
    FOR EACH ROW EXECUTE FUNCTION analytics_monthly_follow();
-- Updates that leave the contribution as it was (a redelivery, a re-price to the same amounts) skip it.
CREATE TRIGGER analytics_monthly_update AFTER UPDATE ON analytics_invoice_facts
    FOR EACH ROW
    WHEN ((OLD.tenant_id, OLD.month, OLD.currency, OLD.business_id, OLD.total, OLD.base_total,
           OLD.reclaimable_vat, OLD.deleted)
          IS DISTINCT FROM
          (NEW.tenant_id, NEW.month, NEW.currency, NEW.business_id, NEW.total, NEW.base_total,
           NEW.reclaimable_vat, NEW.deleted))
    EXECUTE FUNCTION analytics_monthly_follow();

-- The facts already there.
INSERT INTO analytics_monthly (tenant_id, month, currency, business_id, invoice_count, total_sum,
                               converted_count, base_total_sum, reclaimable_vat_sum)
SELECT tenant_id, coalesce(month, 'unknown'), coalesce(currency, 'XXX'), business_id, count(*), sum(total),
       count(base_total), coalesce(sum(base_total), 0), coalesce(sum(reclaimable_vat), 0)
FROM analytics_invoice_facts
WHERE NOT deleted AND total IS NOT NULL
GROUP BY 1, 2, 3, 4;
INSERT INTO analytics_monthly_totals (tenant_id, month, currency, invoice_count, unassigned_count, total_sum,
                                      converted_count, base_total_sum, reclaimable_vat_sum)
SELECT tenant_id, month, currency, sum(invoice_count),
       coalesce(sum(invoice_count) FILTER (WHERE business_id IS NULL), 0), sum(total_sum),
       sum(converted_count), sum(base_total_sum), sum(reclaimable_vat_sum)
FROM analytics_monthly
GROUP BY 1, 2, 3;
