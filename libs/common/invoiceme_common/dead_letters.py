"""Dead letters: what a consumer gave up on. Listed and replayed by operators, from the CLI
(`invoiceme dead-letters`) or the gateway's admin API (through the outbox: nothing publishes directly)."""

from __future__ import annotations

import json
import uuid

import asyncpg

from . import outbox
from .invoice_store import restart
from .status import InvoiceStatus
from .topology import Topology


class CannotReplay(Exception):
    """The dead letter does not exist, or holds no valid event to send again."""


async def list_dead_letters(pool: asyncpg.Pool, include_replayed: bool, limit: int) -> list[asyncpg.Record]:
    return await pool.fetch(
        """SELECT id, consumer, subject, tenant_id, invoice_id, error, attempts, created_at, replayed_at
           FROM dead_letters WHERE $1 OR replayed_at IS NULL ORDER BY id DESC LIMIT $2""",
        include_replayed,
        limit,
    )


async def replay_dead_letter(pool: asyncpg.Pool, topology: Topology, dead_letter_id: int) -> str:
    """Queue the dead letter's event again (outbox) to the subject it came from; returns that subject.

    It goes out as a new message (new event id). For a pipeline step whose invoice was marked failed,
    the invoice starts a new run at that step first, so the step is not skipped as already over."""
    async with pool.acquire() as conn, conn.transaction():
        row = await conn.fetchrow("SELECT * FROM dead_letters WHERE id = $1 FOR UPDATE", dead_letter_id)
        if row is None:
            raise CannotReplay("no such dead letter")
        payload = dict(row["payload"])
        if "raw" in payload:
            raise CannotReplay("the message was not a valid event; there is nothing to replay")
        restart_at = {
            topology.invoice_uploaded: InvoiceStatus.RECEIVED,
            topology.text_extracted: InvoiceStatus.OCR_DONE,
        }.get(row["subject"])
        if restart_at is not None and row["invoice_id"] is not None:
            status = await conn.fetchval("SELECT status FROM invoices WHERE id = $1", row["invoice_id"])
            if status == InvoiceStatus.FAILED:
                payload["run"] = await restart(conn, row["tenant_id"], row["invoice_id"], restart_at)
        payload["event_id"] = str(uuid.uuid4())
        await outbox.add_raw(
            conn,
            uuid.UUID(payload["event_id"]),
            row["subject"],
            topology.stream,
            json.dumps(payload),
            row["tenant_id"],
            row["invoice_id"],
            f"replay-{dead_letter_id}",
        )
        await conn.execute("UPDATE dead_letters SET replayed_at = now() WHERE id = $1", dead_letter_id)
    return str(row["subject"])
