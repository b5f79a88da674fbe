"""SQL for the invoice list: the filtered count and page (keyset or offset), and the per-month groups
(every query is tenant-scoped; the statements are built by pure functions tests read)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg

from invoiceme_gateway.invoices.filters import (
    InvoiceFilters,
    cursor_condition,
    sort_keys,
    where_clause,
)
from invoiceme_gateway.invoices.repository import BUSINESS_JOIN, COLUMNS

# The list counts matches up to this many: an exact count of 100,000 invoices costs more than the
# whole rest of the request, and nobody pages that far (keyset paging goes on past it).
COUNT_LIMIT = 10_000


@dataclass(frozen=True)
class ListQueries:
    """The list's two statements: the filtered count (COUNT_LIMIT + 1 means more), then the page."""

    count_sql: str
    count_params: list[Any]
    page_sql: str
    page_params: list[Any]


def list_queries(
    tenant_id: uuid.UUID,
    filters: InvoiceFilters,
    sort: str,
    descending: bool,
    limit: int,
    offset: int,
    cursor: str | None,
) -> ListQueries:
    """Pure; raises ValueError for an unknown sort or a cursor we did not issue."""
    where, params = where_clause(tenant_id, filters)
    count_sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM invoices i WHERE {where} LIMIT {COUNT_LIMIT + 1}) AS matching"
    )
    count_params = list(params)
    if cursor:
        where = f"{where} AND {cursor_condition(params, cursor, descending)}"
    params.extend([limit, offset])
    keys = sort_keys(sort, descending)
    # The page's ids first, from the sort keys and filters alone, then its rows: the ids come from an
    # index-only scan when an index holds those (rows skipped by the filters or the offset are never
    # read from the table), and only the page's rows are. The outer order is the inner one.
    picked = ", ".join(f"{expression} AS k{n}" for n, (expression, _) in enumerate(keys))
    inner_order = ", ".join(f"{expression} {direction}" for expression, direction in keys)
    outer_order = ", ".join(f"page.k{n} {direction}" for n, (_, direction) in enumerate(keys))
    page_sql = (
        f"SELECT {COLUMNS} FROM (SELECT {picked} FROM invoices i WHERE {where} ORDER BY {inner_order} "
        f"LIMIT ${len(params) - 1} OFFSET ${len(params)}) AS page "
        f"JOIN invoices i ON i.id = page.k{len(keys) - 1} AND i.tenant_id = $1 {BUSINESS_JOIN} "
        f"ORDER BY {outer_order}"
    )
    return ListQueries(count_sql, count_params, page_sql, params)


async def list_page(pool: asyncpg.Pool, queries: ListQueries) -> tuple[list[asyncpg.Record], int]:
    """The page and the number of matches (COUNT_LIMIT + 1 when there are more)."""
    total = await pool.fetchval(queries.count_sql, *queries.count_params)
    rows = await pool.fetch(queries.page_sql, *queries.page_params)
    return rows, int(total)


def _per_currency(where: str) -> str:
    return f"""SELECT i.list_month AS m, i.list_currency AS cur, count(*) AS n, sum(i.list_total) AS amount
               FROM invoices i WHERE {where} GROUP BY 1, 2"""


def month_groups_query(tenant_id: uuid.UUID, filters: InvoiceFilters) -> tuple[str, list[Any]]:
    """Count and per-currency total of the filtered invoices for each invoice month (pure).
    Unfiltered, the dated months come from invoice_month_groups (kept by a trigger, migration 0073)
    and only the 'unknown' month is read from the invoices' index."""
    where, params = where_clause(tenant_id, filters)
    per_currency = _per_currency(where)
    if where == "i.tenant_id = $1":
        per_currency = f"""SELECT list_month AS m, list_currency AS cur, invoice_count AS n,
                                  CASE WHEN total_count > 0 THEN total_sum END AS amount
                           FROM invoice_month_groups WHERE tenant_id = $1
                           UNION ALL
                           {_per_currency(f"{where} AND i.list_month = 'unknown'")}"""
    sql = f"""SELECT m AS month, sum(n)::int AS count,
                     coalesce(jsonb_object_agg(cur, amount)
                              FILTER (WHERE cur IS NOT NULL AND amount IS NOT NULL),
                              '{{}}'::jsonb) AS totals
              FROM ({per_currency}) AS per_currency
              GROUP BY m ORDER BY m DESC"""
    return sql, params


async def month_groups(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, filters: InvoiceFilters
) -> list[asyncpg.Record]:
    sql, params = month_groups_query(tenant_id, filters)
    return await pool.fetch(sql, *params)
