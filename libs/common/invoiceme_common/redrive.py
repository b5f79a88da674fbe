"""Sending invoices through a pipeline stage again, from the last durable step, via the outbox.

- `reconcile`: invoices that have not moved for a while (received / ocr_done) get their pending step's
  event again, in the same run: if the first message is still alive, whichever comes first applies and
  the other is a no-op (the state machine), so re-driving is always safe.
- `replay`: an operator re-runs a stage for a selection. OCR and extraction start a new pipeline run,
  so the results are new versions (earlier extractions stay in invoice_extractions, earlier OCR
  results under their own key); analytics gets each invoice's current row again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import asyncpg

from . import outbox
from .events import InvoiceSaved, InvoiceUploaded, TextExtracted
from .invoice_store import restart
from .status import InvoiceStatus
from .topology import Topology

Stage = Literal["ocr", "extract", "analytics"]
STAGES: tuple[Stage, ...] = ("ocr", "extract", "analytics")


async def queue_ocr(conn: asyncpg.Connection, topology: Topology, row: asyncpg.Record, run: int) -> None:
    event = InvoiceUploaded(
        tenant_id=row["tenant_id"],
        invoice_id=row["id"],
        storage_key=row["storage_key"],
        filename=row["filename"],
        content_type=row["content_type"],
        size_bytes=row["size_bytes"],
        sha256=row["sha256"],
        run=run,
    )
    await outbox.add(conn, event, topology.invoice_uploaded, topology.stream)


async def queue_extract(
    conn: asyncpg.Connection, topology: Topology, row: asyncpg.Record, run: int, provider: str | None
) -> None:
    event = TextExtracted(
        tenant_id=row["tenant_id"],
        invoice_id=row["id"],
        ocr_key=row["ocr_key"],
        media_type=row["content_type"] or "application/octet-stream",
        pages=[],  # a reference: the extractor reads the stored OCR result
        provider=provider,
        run=run,
    )
    await outbox.add(conn, event, topology.text_extracted, topology.stream)


async def queue_analytics(conn: asyncpg.Connection, topology: Topology, row: asyncpg.Record) -> None:
    fields = row["fields"] or {}
    event = InvoiceSaved(
        tenant_id=row["tenant_id"],
        invoice_id=row["id"],
        extraction_version=row["extraction_version"],
        status=row["status"],
        business_id=row["business_id"],
        vendor_name=fields.get("vendor_name"),
        invoice_date=fields.get("invoice_date"),
        currency=fields.get("currency"),
        total=fields.get("total"),
        fields=fields,
        replay=True,
    )
    await outbox.add(conn, event, topology.invoice_saved, topology.stream)


# --- reconciler -----------------------------------------------------------------------------------


async def stalled(pool: asyncpg.Pool, older_than_seconds: float, limit: int = 100) -> list[asyncpg.Record]:
    """Invoices still in the pipeline whose status has not changed for `older_than_seconds`."""
    return await pool.fetch(
        """SELECT id, tenant_id, status, pipeline_run, status_changed_at, redriven_count, last_redriven_at,
                  now() - status_changed_at AS stalled_for
           FROM invoices WHERE status IN ('received', 'ocr_done')
             AND status_changed_at < now() - make_interval(secs => $1)
           ORDER BY status_changed_at LIMIT $2""",
        older_than_seconds,
        limit,
    )


async def reconcile(
    pool: asyncpg.Pool, topology: Topology, older_than_seconds: float, limit: int = 100
) -> list[uuid.UUID]:
    """Re-drive stalled invoices (at most once per `older_than_seconds` each); returns their ids."""
    async with pool.acquire() as conn, conn.transaction():
        rows = await conn.fetch(
            """UPDATE invoices SET redriven_count = redriven_count + 1, last_redriven_at = now()
               WHERE id IN (
                   SELECT id FROM invoices WHERE status IN ('received', 'ocr_done')
                     AND status_changed_at < now() - make_interval(secs => $1)
                     AND (last_redriven_at IS NULL OR last_redriven_at < now() - make_interval(secs => $1))
                   ORDER BY status_changed_at LIMIT $2 FOR UPDATE SKIP LOCKED)
               RETURNING *""",
            older_than_seconds,
            limit,
        )
        for row in rows:
            if row["status"] == InvoiceStatus.OCR_DONE and row["ocr_key"]:
                await queue_extract(conn, topology, row, row["pipeline_run"], row["reextract_provider"])
            else:
                await queue_ocr(conn, topology, row, row["pipeline_run"])
    return [row["id"] for row in rows]


# --- replay ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which invoices to replay; every given criterion must hold."""

    tenant_id: uuid.UUID | None = None
    invoice_id: uuid.UUID | None = None
    since: datetime | None = None  # uploaded at or after


_STAGE_CONDITION = {
    "ocr": "TRUE",
    "extract": "ocr_key IS NOT NULL AND status <> 'received'",
    "analytics": "extraction_version > 0",
}


async def select(conn: asyncpg.Connection, stage: Stage, selection: Selection) -> list[asyncpg.Record]:
    return await conn.fetch(
        f"""SELECT * FROM invoices WHERE {_STAGE_CONDITION[stage]}
              AND ($1::uuid IS NULL OR tenant_id = $1) AND ($2::uuid IS NULL OR id = $2)
              AND ($3::timestamptz IS NULL OR created_at >= $3)
            ORDER BY created_at FOR UPDATE""",
        selection.tenant_id,
        selection.invoice_id,
        selection.since,
    )


async def replay(
    pool: asyncpg.Pool, topology: Topology, stage: Stage, selection: Selection, provider: str | None = None
) -> int:
    """Queue the stage again for every selected invoice (one transaction); returns how many."""
    async with pool.acquire() as conn, conn.transaction():
        rows = await select(conn, stage, selection)
        for row in rows:
            if stage == "analytics":
                await queue_analytics(conn, topology, row)
                continue
            if provider is not None:
                await conn.execute(
                    "UPDATE invoices SET reextract_provider = $2 WHERE id = $1", row["id"], provider
                )
            status = InvoiceStatus.RECEIVED if stage == "ocr" else InvoiceStatus.OCR_DONE
            run = await restart(conn, row["tenant_id"], row["id"], status)
            assert run is not None  # locked FOR UPDATE above: cannot be gone
            if stage == "ocr":
                await queue_ocr(conn, topology, row, run)
            else:
                await queue_extract(conn, topology, row, run, provider)
    return len(rows)
