"""SQL for invoices and their histories (every query is tenant-scoped)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from invoiceme_common.status import InvoiceStatus

COLUMNS = """i.id, i.status, i.error, i.filename, i.content_type, i.size_bytes, i.sha256, i.text_source,
    i.ocr_confidence, i.page_count, i.fields, i.warnings, i.extraction_version, i.created_at, i.updated_at,
    i.business_id, b.name AS business_name, i.match_method, i.match_score, i.match_candidates,
    i.possible_duplicate_of, i.reviewed_at, i.storage_key, i.ocr_key"""
BUSINESS_JOIN = "LEFT JOIN businesses b ON b.id = i.business_id AND b.tenant_id = i.tenant_id"
FROM = f"invoices i {BUSINESS_JOIN}"


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
