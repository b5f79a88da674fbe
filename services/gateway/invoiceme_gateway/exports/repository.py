"""SQL of exports: the filtered invoices with their business (amounts converted by analytics come
from its read API, invoiceme_common.analytics_read)."""

from __future__ import annotations

import uuid

import asyncpg

from invoiceme_gateway.invoices.filters import InvoiceFilters, where_clause

_SELECT = """SELECT i.id, i.status, i.filename, i.content_type, i.storage_key, i.fields, i.created_at,
       i.business_id, b.name AS business_name
FROM invoices i
LEFT JOIN businesses b ON b.id = i.business_id AND b.tenant_id = i.tenant_id"""


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
