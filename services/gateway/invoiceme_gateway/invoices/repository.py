"""SQL for invoices and their histories (every query is tenant-scoped)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

from invoiceme_common.status import InvoiceStatus
from invoiceme_gateway.invoices.filters import (
    InvoiceFilters,
    cursor_condition,
    sort_keys,
    where_clause,
)

COLUMNS = """i.id, i.status, i.error, i.filename, i.content_type, i.size_bytes, i.sha256, i.text_source,
    i.ocr_confidence, i.page_count, i.fields, i.warnings, i.extraction_version, i.created_at, i.updated_at,
    i.business_id, b.name AS business_name, i.match_method, i.match_score, i.match_candidates,
    i.possible_duplicate_of, i.reviewed_at, i.storage_key, i.ocr_key"""
BUSINESS_JOIN = "LEFT JOIN businesses b ON b.id = i.business_id AND b.tenant_id = i.tenant_id"
FROM = f"invoices i {BUSINESS_JOIN}"
# The list counts matches up to this many: an exact count of 100,000 invoices costs more than the
# whole rest of the request, and nobody pages that far (keyset paging goes on past it).
COUNT_LIMIT = 10_000


def _same_file(tenant: str, sha256: str) -> str:
    """The tenant's first live invoice of this exact file (the parameters' placeholders given)."""
    return (
        f"SELECT id FROM invoices WHERE tenant_id = {tenant} AND sha256 = {sha256} AND status <> 'failed'"
        " ORDER BY created_at LIMIT 1"
    )


async def find_by_sha(conn: asyncpg.Connection, tenant_id: uuid.UUID, sha256: str) -> uuid.UUID | None:
    return await conn.fetchval(_same_file("$1", "$2"), tenant_id, sha256)


async def lock_upload(conn: asyncpg.Connection, tenant_id: uuid.UUID, sha256: str) -> None:
    """Serialise two uploads of the same file by one tenant (held until the transaction ends)."""
    await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", f"{tenant_id}:{sha256}")


async def insert_received(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    filename: str,
    media_type: str,
    size: int,
    sha256: str,
    storage_key: str,
) -> uuid.UUID | None:
    """Insert the invoice and its first status, unless the tenant already has this exact file:
    then nothing is written and the existing invoice's id is returned. One statement (one round
    trip instead of three); call it after `lock_upload`, whose lock makes the check race-free."""
    return await conn.fetchval(
        f"""WITH existing AS ({_same_file("$2", "$7")}), invoice AS (
               INSERT INTO invoices
                   (id, tenant_id, status, filename, content_type, size_bytes, sha256, storage_key,
                    search_text)
               SELECT $1, $2, $3, $4, $5, $6, $7, $8, lower($4)
               WHERE NOT EXISTS (SELECT 1 FROM existing)
               RETURNING id, tenant_id, status
           ), history AS (
               INSERT INTO invoice_status_history (invoice_id, tenant_id, status)
               SELECT id, tenant_id, status FROM invoice
           )
           SELECT id FROM existing""",
        invoice_id,
        tenant_id,
        InvoiceStatus.RECEIVED.value,
        filename,
        media_type,
        size,
        sha256,
        storage_key,
    )


async def get(
    conn: asyncpg.Connection | asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    for_update: bool = False,
) -> asyncpg.Record | None:
    lock = " FOR UPDATE OF i" if for_update else ""
    return await conn.fetchrow(
        f"SELECT {COLUMNS} FROM {FROM} WHERE i.id = $1 AND i.tenant_id = $2{lock}", invoice_id, tenant_id
    )


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


async def status_history(
    pool: asyncpg.Pool, tenant_id: uuid.UUID, invoice_id: uuid.UUID
) -> list[asyncpg.Record]:
    return await pool.fetch(
        "SELECT id, status, error, at FROM invoice_status_history"
        " WHERE invoice_id = $1 AND tenant_id = $2 ORDER BY id",
        invoice_id,
        tenant_id,
    )


async def edits(pool: asyncpg.Pool, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT e.id, e.user_id, u.email AS user_email, e.changes, e.at FROM invoice_edits e
           LEFT JOIN users u ON u.id = e.user_id
           WHERE e.invoice_id = $1 AND e.tenant_id = $2 ORDER BY e.id""",
        invoice_id,
        tenant_id,
    )


async def extractions(
    pool: asyncpg.Pool | asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID
) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT id, extraction_version, kind, provider, fields, warnings, at FROM invoice_extractions
           WHERE invoice_id = $1 AND tenant_id = $2 ORDER BY id""",
        invoice_id,
        tenant_id,
    )


async def save_fields(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    fields: dict[str, Any],
    kind: str,
    warnings: list[dict[str, Any]] | None = None,
) -> int:
    """Write fields as a user action (`kind` edit|restore, recorded by the history trigger);
    bumps the version. The caller matches and indexes the new fields in the same transaction."""
    await conn.execute("SELECT set_config('invoiceme.save_kind', $1, true)", kind)
    version = await conn.fetchval(
        """UPDATE invoices SET fields = $3, warnings = coalesce($4, warnings),
               extraction_version = extraction_version + 1, updated_at = now()
           WHERE id = $1 AND tenant_id = $2 RETURNING extraction_version""",
        invoice_id,
        tenant_id,
        fields,
        warnings,
    )
    await conn.execute("SELECT set_config('invoiceme.save_kind', '', true)")
    return int(version)


async def bump_version(conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID) -> int | None:
    """A change analytics must hear about that is not a fields change (business, review)."""
    return await conn.fetchval(
        """UPDATE invoices SET extraction_version = extraction_version + 1,
               matched_version = extraction_version + 1,
               indexed_version = CASE WHEN indexed_version = extraction_version
                                      THEN extraction_version + 1 ELSE indexed_version END,
               updated_at = now()
           WHERE id = $1 AND tenant_id = $2 RETURNING extraction_version""",
        invoice_id,
        tenant_id,
    )


async def record_edit(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    user_id: uuid.UUID,
    changes: list[dict[str, Any]],
) -> None:
    await conn.execute(
        "INSERT INTO invoice_edits (invoice_id, tenant_id, user_id, changes) VALUES ($1, $2, $3, $4)",
        invoice_id,
        tenant_id,
        user_id,
        changes,
    )


async def set_business(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    business_id: uuid.UUID | None,
    method: str,
) -> None:
    await conn.execute(
        """UPDATE invoices SET business_id = $3, match_method = $4, match_score = CASE WHEN $3::uuid IS NULL
               THEN NULL ELSE 1.0 END WHERE id = $1 AND tenant_id = $2""",
        invoice_id,
        tenant_id,
        business_id,
        method,
    )


async def delete(
    conn: asyncpg.Connection | asyncpg.Pool, tenant_id: uuid.UUID, invoice_ids: list[uuid.UUID]
) -> list[asyncpg.Record]:
    return await conn.fetch(
        """DELETE FROM invoices WHERE tenant_id = $1 AND id = ANY($2::uuid[])
           RETURNING id, tenant_id, storage_key, ocr_key, extraction_version, pipeline_run""",
        tenant_id,
        invoice_ids,
    )


async def mark_reviewed(
    conn: asyncpg.Connection,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    user_id: uuid.UUID,
    at: datetime,
) -> None:
    await conn.execute(
        "UPDATE invoices SET reviewed_at = $3, reviewed_by = $4 WHERE id = $1 AND tenant_id = $2",
        invoice_id,
        tenant_id,
        at,
        user_id,
    )


async def set_reextract_provider(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID, provider: str | None
) -> None:
    await conn.execute(
        "UPDATE invoices SET reextract_provider = $3 WHERE id = $1 AND tenant_id = $2",
        invoice_id,
        tenant_id,
        provider,
    )


async def extraction(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID, extraction_id: int
) -> asyncpg.Record | None:
    return await conn.fetchrow(
        "SELECT id, fields, warnings FROM invoice_extractions"
        " WHERE id = $1 AND invoice_id = $2 AND tenant_id = $3",
        extraction_id,
        invoice_id,
        tenant_id,
    )
