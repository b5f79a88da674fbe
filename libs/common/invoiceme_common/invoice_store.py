"""Invoice status writes shared by every pipeline hop (each hop owns its own other tables)."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from .status import InvoiceStatus


async def set_status(
    conn: asyncpg.Connection | asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    status: InvoiceStatus,
    error: str | None = None,
    **columns: Any,
) -> bool:
    """Set status (and any extra invoice columns) and append to the status history.
    Returns False when the invoice no longer exists (deleted meanwhile)."""
    assignments = ", ".join(f"{name} = ${i}" for i, name in enumerate(columns, start=5))
    extra = f", {assignments}" if assignments else ""
    row = await conn.fetchrow(
        f"""
        WITH updated AS (
            UPDATE invoices SET status = $3, error = $4, updated_at = now(){extra}
            WHERE id = $2 AND tenant_id = $1
            RETURNING id, tenant_id
        )
        INSERT INTO invoice_status_history (invoice_id, tenant_id, status, error)
        SELECT id, tenant_id, $3, $4 FROM updated
        RETURNING invoice_id
        """,
        tenant_id,
        invoice_id,
        str(status),
        error,
        *columns.values(),
    )
    return row is not None


async def record_dead_letter(
    pool: asyncpg.Pool,
    consumer: str,
    subject: str,
    payload: dict[str, Any],
    error: str,
    attempts: int,
    tenant_id: uuid.UUID | None,
    invoice_id: uuid.UUID | None,
) -> None:
    await pool.execute(
        """INSERT INTO dead_letters (consumer, subject, tenant_id, invoice_id, payload, error, attempts)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        consumer,
        subject,
        tenant_id,
        invoice_id,
        payload,
        error,
        attempts,
    )


async def fail_invoice(
    pool: asyncpg.Pool,
    consumer: str,
    subject: str,
    payload: dict[str, Any],
    error: str,
    attempts: int,
    tenant_id: uuid.UUID | None,
    invoice_id: uuid.UUID | None,
) -> None:
    """Give up on a message: keep it as a dead letter and tell the user why their invoice failed."""
    async with pool.acquire() as conn, conn.transaction():
        await record_dead_letter(conn, consumer, subject, payload, error, attempts, tenant_id, invoice_id)
        if tenant_id and invoice_id:
            await set_status(conn, tenant_id, invoice_id, InvoiceStatus.FAILED, error)
