"""SQL of exports: the filtered invoices with their business and base-currency conversion."""

from __future__ import annotations

import uuid

import asyncpg

from invoiceme_gateway.invoices.filters import InvoiceFilters, where_clause

_SELECT = """SELECT i.id, i.status, i.filename, i.content_type, i.storage_key, i.fields, i.created_at,
       i.business_id, b.name AS business_name, f.base_currency, f.base_total, f.fx_rate, f.fx_rate_date,
       f.fx_source, f.fx_warning, f.reclaimable_vat
FROM invoices i
LEFT JOIN businesses b ON b.id = i.business_id AND b.tenant_id = i.tenant_id
LEFT JOIN analytics_invoice_facts f ON f.invoice_id = i.id AND f.tenant_id = i.tenant_id AND NOT f.deleted"""


async def filtered_invoices(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, filters: InvoiceFilters, limit: int = 50_000
) -> list[asyncpg.Record]:
    where, params = where_clause(tenant_id, filters)
    params.append(limit)
    return await pool.fetch(
        f"{_SELECT} WHERE {where} ORDER BY (i.fields->>'invoice_date') NULLS LAST, i.created_at, i.id"
        f" LIMIT ${len(params)}",
        *params,
    )
