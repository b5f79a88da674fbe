-- The paged businesses list: a page's ids and the total come from an index-only scan of this index
-- (the list query picks ids first, then reads only the page's rows), so the window count over a
-- tenant's 2,000 businesses and a deep offset read index entries, not table rows (23 -> 1.7 ms at
-- 2,000 businesses, EXPLAIN ANALYZE in docs/BENCHMARKS.md). Same key as businesses_tenant_order,
-- which it replaces, plus the id and the `budgeted` filter's column.
CREATE INDEX businesses_tenant_order_ids ON businesses (tenant_id, display_order, name)
    INCLUDE (id, monthly_limit);
DROP INDEX businesses_tenant_order;
