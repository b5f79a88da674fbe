"""A tenant's invoice status changes, in id order, resumable from any id.

Ids come from one sequence, but transactions commit in any order: row 7 can become visible
before row 6. Handing out 7 and moving the cursor past it would lose 6 for good (and a client
resuming with Last-Event-ID=7 would never see it). So the feed stops before the first id that
is not visible yet (for any tenant). The gap is skipped once no writer that began before it was
first seen is still running and the id is still missing (it was rolled back), or after
`max_wait_seconds` in any case.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime
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
        self._gap_seen: dict[int, tuple[float, datetime]] = {}  # first seen: by our clock, the database's
        self.waiting_on_gap = False

    async def next_batch(self) -> list[dict[str, Any]]:
        while True:
            # One snapshot for the rows and the ids visible: read apart, a change committing between
            # the two reads was missing from the rows yet left no gap, and the cursor moved past it.
            async with (
                self._pool.acquire() as conn,
                conn.transaction(isolation="repeatable_read", readonly=True),
            ):
                rows = await repository.changes_after(conn, self._tenant_id, self.cursor, BATCH)
                gap = await self._first_unsettled(conn, rows[-1]["id"]) if rows else None
            # Whether a gap may still fill is asked with the connection back in the pool (it needs one).
            if gap is not None and not await self._gap_may_fill(gap):
                self._gap_seen.pop(gap, None)  # its transaction rolled back: skip it, read again
                self._settled = gap
                continue
            return self._hand_out(rows, gap)

    def _hand_out(self, rows: list[Any], cut: int | None) -> list[dict[str, Any]]:
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
        """The first id up to `up_to` that is not visible in this snapshot (None: all settled)."""
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
            self._settled = gap - 1
            return gap
        return None

    async def _gap_may_fill(self, gap: int) -> bool:
        """Could a transaction still running commit this id?

        Asked outside the batch's snapshot, in this order: does any writer of this database that
        began before the gap was first seen still run (the one holding the id began earlier), and
        if none does, has the id become visible meanwhile (committed: the next batch hands it out)
        or not (rolled back: skip it). The snapshot's own list of running transactions cannot
        tell: it leaves out those with an xid above every finished one, as a writer whose change
        has a lower id than a later-started writer's committed one may well be."""
        first_seen, seen_at = self._gap_seen.get(gap) or (
            self._clock(),
            await repository.database_now(self._pool),
        )
        self._gap_seen[gap] = (first_seen, seen_at)
        if self._clock() - first_seen >= self._max_wait:
            return False
        if await repository.writers_started_before(self._pool, seen_at):
            return True
        return await repository.is_visible(self._pool, gap)
