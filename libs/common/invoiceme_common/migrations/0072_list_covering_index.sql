-- The list's default order (newest first) with filters: the page's ids are picked by an index-only
-- scan of this index (the list query picks ids first, then reads only the page's rows), so a filter
-- that skips most of the tenant (a date range a year back, a rare currency, an amount range) or a deep
-- offset skips index entries, not 2 KB table rows. Same key as invoices_tenant_created_id, which it
-- replaces, plus the filter columns (not the search text: `q` goes through its trigram index).
CREATE INDEX invoices_tenant_created_filters ON invoices (tenant_id, created_at, id)
    INCLUDE (status, business_id, list_date, list_month, list_currency, list_total, possible_duplicate_of);
DROP INDEX invoices_tenant_created_id;
