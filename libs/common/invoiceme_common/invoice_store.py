"""Invoice status writes shared by every pipeline hop (each hop owns its own other tables).

The allowed moves are enforced by a trigger (migration 0040); `advance` is how a pipeline hop moves
an invoice: a conditional update that is a no-op (returns False) when the invoice is not where the
message expects it — already further, deleted, or in a newer run — so redelivered and out-of-order
messages never move an invoice backwards.
"""

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


PIPELINE_STATES = (InvoiceStatus.RECEIVED, InvoiceStatus.OCR_DONE)


async def advance(
    conn: asyncpg.Connection | asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    to: InvoiceStatus,
    expected: tuple[InvoiceStatus, ...],
    run: int | None,
    error: str | None = None,
    **columns: Any,
) -> bool:
    """Move the invoice to `to` only if it is in one of `expected` and in pipeline run `run` (None:
    any run, for events published before runs existed). True when it moved."""
    assignments = ", ".join(f"{name} = ${i}" for i, name in enumerate(columns, start=7))
    extra = f", {assignments}" if assignments else ""
    row = await conn.fetchrow(
        f"""
        WITH updated AS (
            UPDATE invoices SET status = $3, error = $4, updated_at = now(){extra}
            WHERE id = $2 AND tenant_id = $1 AND status = ANY($5::text[])
              AND ($6::integer IS NULL OR pipeline_run = $6)
            RETURNING id, tenant_id
        )
        INSERT INTO invoice_status_history (invoice_id, tenant_id, status, error)
        SELECT id, tenant_id, $3, $4 FROM updated
        RETURNING invoice_id
        """,
        tenant_id,
        invoice_id,
        str(to),
        error,
        [str(status) for status in expected],
        run,
        *columns.values(),
    )
    return row is not None


async def restart(
    conn: asyncpg.Connection, tenant_id: uuid.UUID, invoice_id: uuid.UUID, status: InvoiceStatus
) -> int | None:
    """Start a new pipeline run at `status` (received: read the original again; ocr_done: extract
    again). Messages of the earlier run become no-ops. Returns the new run; None when deleted."""
    run = await conn.fetchval(
        """UPDATE invoices SET status = $3, error = NULL, pipeline_run = pipeline_run + 1,
               status_changed_at = now(), updated_at = now()
           WHERE id = $2 AND tenant_id = $1 RETURNING pipeline_run""",
        tenant_id,
        invoice_id,
        str(status),
    )
    if run is not None:
        await conn.execute(
            "INSERT INTO invoice_status_history (invoice_id, tenant_id, status) VALUES ($1, $2, $3)",
            invoice_id,
            tenant_id,
            str(status),
        )
    return None if run is None else int(run)


async def is_awaiting(
    conn: asyncpg.Connection | asyncpg.Pool,
    tenant_id: uuid.UUID,
    invoice_id: uuid.UUID,
    status: InvoiceStatus,
    run: int | None,
) -> bool:
    """True when the invoice still waits for this step (a cheap check before expensive work; the
    conditional update in `advance` is what guarantees it)."""
    row = await conn.fetchrow(
        "SELECT status, pipeline_run FROM invoices WHERE id = $1 AND tenant_id = $2", invoice_id, tenant_id
    )
    return row is not None and row["status"] == status and (run is None or row["pipeline_run"] == run)


async def invoice_exists(
    conn: asyncpg.Connection | asyncpg.Pool, tenant_id: uuid.UUID, invoice_id: uuid.UUID
) -> bool:
    """False once the invoice was deleted (its files must not be written back)."""
    return bool(
        await conn.fetchval(
            "SELECT EXISTS (SELECT 1 FROM invoices WHERE id = $1 AND tenant_id = $2)", invoice_id, tenant_id
        )
    )


async def current_run(conn: asyncpg.Connection | asyncpg.Pool, invoice_id: uuid.UUID) -> int:
    return int(await conn.fetchval("SELECT pipeline_run FROM invoices WHERE id = $1", invoice_id) or 1)


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
    event_id: uuid.UUID | None = None
    run: int | None = None  # the pipeline run the message belonged to

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
            event.event_id if event else None,
            getattr(event, "run", None),
        )


async def record_dead_letter(conn: asyncpg.Connection | asyncpg.Pool, letter: DeadLetter) -> None:
    """Store (or, for a message given up on again, refresh) the dead letter; one row per message."""
    await conn.execute(
        """INSERT INTO dead_letters
             (consumer, subject, tenant_id, invoice_id, payload, error, attempts, event_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (consumer, event_id) WHERE event_id IS NOT NULL DO UPDATE
           SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, created_at = now(),
               replayed_at = NULL""",
        letter.consumer,
        letter.subject,
        letter.tenant_id,
        letter.invoice_id,
        letter.payload,
        letter.error,
        letter.attempts,
        letter.event_id,
    )


async def fail_invoice(pool: asyncpg.Pool, letter: DeadLetter) -> None:
    """Give up on a pipeline message: keep it as a dead letter and tell the user why their invoice
    failed — unless the invoice has moved on meanwhile (a newer run, or already extracted)."""
    async with pool.acquire() as conn, conn.transaction():
        await record_dead_letter(conn, letter)
        if letter.tenant_id and letter.invoice_id:
            await advance(
                conn,
                letter.tenant_id,
                letter.invoice_id,
                InvoiceStatus.FAILED,
                PIPELINE_STATES,
                letter.run,
                letter.error,
            )


async def count_failure(pool: asyncpg.Pool, consumer: str, event_id: uuid.UUID, error: str) -> int:
    """One more failed handling of this message by this consumer; returns how many so far."""
    return int(
        await pool.fetchval(
            """INSERT INTO delivery_failures (consumer, event_id, failures, last_error) VALUES ($1, $2, 1, $3)
               ON CONFLICT (consumer, event_id) DO UPDATE
               SET failures = delivery_failures.failures + 1, last_error = EXCLUDED.last_error,
                   updated_at = now()
               RETURNING failures""",
            consumer,
            event_id,
            error[:2000],
        )
    )
