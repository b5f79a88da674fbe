"""Dead letters: what a consumer gave up on. Listed and replayed by operators, from the CLI
(`invoiceme dead-letters`) or the gateway's admin API."""

from __future__ import annotations

import json
import uuid

import asyncpg
from nats.js import JetStreamContext

from .bus import HEADER_INVOICE, HEADER_TENANT
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


async def replay_dead_letter(
    pool: asyncpg.Pool, js: JetStreamContext, topology: Topology, dead_letter_id: int
) -> str:
    """Publish the dead letter's event again to the subject it came from; returns that subject."""
    row = await pool.fetchrow("SELECT * FROM dead_letters WHERE id = $1", dead_letter_id)
    if row is None:
        raise CannotReplay("no such dead letter")
    if "raw" in row["payload"]:
        raise CannotReplay("the message was not a valid event; there is nothing to replay")
    headers = {
        "Nats-Msg-Id": f"replay-{uuid.uuid4()}",  # a new message, not a duplicate of the original
        HEADER_TENANT: str(row["tenant_id"]),
        HEADER_INVOICE: str(row["invoice_id"]),
        "correlation_id": f"replay-{dead_letter_id}",
    }
    payload = json.dumps(row["payload"]).encode()
    await js.publish(row["subject"], payload, stream=topology.stream, headers=headers)
    await pool.execute("UPDATE dead_letters SET replayed_at = now() WHERE id = $1", dead_letter_id)
    return str(row["subject"])
