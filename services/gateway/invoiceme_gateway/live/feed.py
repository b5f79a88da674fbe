"""A tenant's invoice status changes, in id order, resumable from any id.

Ids come from one sequence, but transactions commit in any order: row 7 can become visible
before row 6. Handing out 7 and moving the cursor past it would lose 6 for good (and a client
resuming with Last-Event-ID=7 would never see it). So the feed stops before the first id that
is not visible yet (for any tenant). The gap is skipped once none of the transactions that were
in progress when it was first seen is still running (it was rolled back), or after
`max_wait_seconds` in any case.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

import asyncpg

from invoiceme_gateway.invoices.failures import shown
from invoiceme_gateway.live import repository

BATCH = 500
_SCAN_LIMIT = 5000


def first_gap(floor: int, visible_ids: list[int]) -> int | None:
    """The first id after `floor` missing from the sorted `visible_ids`, or None when contiguous."""
    expected = floor + 1
    for visible in visible_ids:
        if visible != expected:
            return expected
        expected += 1
    return None


class StatusFeed:
    def __init__(
        self,
        pool: asyncpg.Pool,
        tenant_id: uuid.UUID,
        cursor: int,
        max_wait_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        already_seen: frozenset[int] = frozenset(),
    ) -> None:
        self.cursor = cursor
        self._already_seen = already_seen  # ids after `cursor` the client's start already covers
        self._pool = pool
        self._tenant_id = tenant_id
        self._max_wait = max_wait_seconds
        self._clock = clock
        self._settled = cursor  # every id up to here is visible or known to be gone
        self._gap_seen: dict[int, tuple[float, frozenset[str]]] = {}
        self.waiting_on_gap = False

    async def next_batch(self) -> list[dict[str, Any]]:
        # One snapshot for the rows, the ids visible and the transactions running: read apart, a
        # change committing between two reads was missing from the rows, yet no gap showed (or its
        # transaction no longer ran), and the cursor moved past it for good.
        async with self._pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
            return await self._next_batch(conn)

    async def _next_batch(self, conn: asyncpg.Connection) -> list[dict[str, Any]]:
        rows = await repository.changes_after(conn, self._tenant_id, self.cursor, BATCH)
        if not rows:
            self.waiting_on_gap = False
            return []
        cut = await self._first_unsettled(conn, rows[-1]["id"])
        ready = [row for row in rows if cut is None or row["id"] < cut]
        self.waiting_on_gap = cut is not None
        if ready:
            self.cursor = ready[-1]["id"]
        return [
            {
                "id": r["id"],
                "invoice_id": str(r["invoice_id"]),
                "status": r["status"],
                **shown(r["error"]),
                "at": r["at"].isoformat(),
            }
            for r in ready
            if r["id"] not in self._already_seen
        ]

    async def _first_unsettled(self, conn: asyncpg.Connection, up_to: int) -> int | None:
        while self._settled < up_to:
            floor = max(self._settled, self.cursor)
            visible = await repository.visible_ids(conn, floor, up_to, _SCAN_LIMIT)
            gap = first_gap(floor, visible)
            if gap is None:
                if len(visible) < _SCAN_LIMIT:
                    self._settled = up_to
                    return None
                self._settled = visible[-1]
                continue
            if not self._gap_may_fill(gap, await repository.running_transactions(conn)):
                self._gap_seen.pop(gap, None)  # its transaction rolled back: skip it
                self._settled = gap
                continue
            self._settled = gap - 1
            return gap
        return None

    def _gap_may_fill(self, gap: int, running: frozenset[str]) -> bool:
        """Could a transaction still running commit this id? (`running`: those of the snapshot in
        which the id was missing.)"""
        first_seen, suspects = self._gap_seen.setdefault(gap, (self._clock(), running))
        if self._clock() - first_seen >= self._max_wait:
            return False
        return bool(suspects & running)
