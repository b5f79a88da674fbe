"""Invoice status writes shared by every pipeline hop (each hop owns its own other tables)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg

from .events import Event
from .status import InvoiceStatus
from .topology import ConsumerSpec


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


@dataclass(frozen=True)
class DeadLetter:
    """A message a consumer gave up on, with why and after how many deliveries."""

    consumer: str
    subject: str
    payload: dict[str, Any]
    error: str
    attempts: int
    tenant_id: uuid.UUID | None
    invoice_id: uuid.UUID | None

    @classmethod
    def of(
        cls, spec: ConsumerSpec, event: Event | None, payload: dict[str, Any], error: str, attempts: int
    ) -> DeadLetter:
        return cls(
            spec.durable,
            spec.subject,
            payload,
            error,
            attempts,
            event.tenant_id if event else None,
            event.invoice_id if event else None,
        )


async def record_dead_letter(conn: asyncpg.Connection | asyncpg.Pool, letter: DeadLetter) -> None:
    await conn.execute(
        """INSERT INTO dead_letters (consumer, subject, tenant_id, invoice_id, payload, error, attempts)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        letter.consumer,
        letter.subject,
        letter.tenant_id,
        letter.invoice_id,
        letter.payload,
        letter.error,
        letter.attempts,
    )


async def fail_invoice(pool: asyncpg.Pool, letter: DeadLetter) -> None:
    """Give up on a message: keep it as a dead letter and tell the user why their invoice failed."""
    async with pool.acquire() as conn, conn.transaction():
        await record_dead_letter(conn, letter)
        if letter.tenant_id and letter.invoice_id:
            await set_status(conn, letter.tenant_id, letter.invoice_id, InvoiceStatus.FAILED, letter.error)
