"""How the load bench hears that an invoice reached a final status.

`StatusStream`: one user's GET /api/events (what the web app does), one stream per user.
`DatabaseWatch`: one LISTEN connection to the stack's database for all users at once (the NOTIFY the
gateway's live streams wake on), then one query for every invoice still awaited. With 50 users, 50
live streams cost the bench client and the gateway as much CPU as the uploads being measured; the
shared watch measures the uploads and the pipeline, not 50 event streams.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field

import asyncpg
import httpx

from invoiceme_common.waiting import wait_until_set

DONE = ("extracted", "needs_review", "failed")
STATUS_CHANNEL = "invoiceme_status"  # the trigger on invoice_status_history notifies it


@dataclass
class Finished:
    """When each invoice reached a final status (monotonic clock), and which."""

    finished_at: dict[str, float] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    opened: asyncio.Event = field(default_factory=asyncio.Event)

    def record(self, invoice_id: str, status: str) -> None:
        if status in DONE and invoice_id not in self.finished_at:
            self.finished_at[invoice_id] = time.monotonic()
            self.status[invoice_id] = status
            self.changed.set()

    def expect(self, invoice_id: str) -> None:
        """An invoice was accepted (a watch that asks the database needs to know which)."""

    async def wait_for(self, invoice_ids: set[str], within_seconds: float) -> None:
        deadline = time.monotonic() + within_seconds
        while not invoice_ids <= self.finished_at.keys() and time.monotonic() < deadline:
            self.changed.clear()
            if not await wait_until_set(self.changed, max(0.01, deadline - time.monotonic())):
                break


@dataclass
class StatusStream(Finished):
    """One user's GET /api/events."""

    async def follow(self, client: httpx.AsyncClient, headers: dict[str, str]) -> None:
        async with client.stream("GET", "/api/events", headers=headers, timeout=None) as response:
            self.opened.set()
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    change = json.loads(line[5:])
                    self.record(change["invoice_id"], change.get("status", ""))


@dataclass
class DatabaseWatch(Finished):
    """Every user's invoices, through one database connection (the stack's own database)."""

    database_url: str = ""
    poll_seconds: float = 0.5  # a missed NOTIFY only delays
    _awaited: set[str] = field(default_factory=set)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)

    def expect(self, invoice_id: str) -> None:
        self._awaited.add(invoice_id)
        self._wake.set()

    async def follow(self) -> None:
        conn = await asyncpg.connect(self.database_url)
        try:
            await conn.add_listener(STATUS_CHANNEL, lambda *_: self._wake.set())
            self.opened.set()
            while True:
                self._wake.clear()
                if self._awaited:
                    rows = await conn.fetch(
                        "SELECT id::text, status FROM invoices WHERE id = ANY($1::uuid[])"
                        " AND status = ANY($2::text[])",
                        list(self._awaited),
                        list(DONE),
                    )
                    for row in rows:
                        self.record(row["id"], row["status"])
                        self._awaited.discard(row["id"])
                await wait_until_set(self._wake, self.poll_seconds)
        finally:
            await conn.close()
