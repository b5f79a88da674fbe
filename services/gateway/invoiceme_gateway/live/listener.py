"""Wake-ups for live status streams: one dedicated LISTEN connection per gateway process.

The trigger on `invoice_status_history` sends NOTIFY with the tenant id; streams then read the
rows themselves, so a missed notification only delays (streams also poll) and never loses one.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import asyncpg

from invoiceme_common.logging import get_logger

CHANNEL = "invoiceme_status"
log = get_logger(__name__)


class LiveStatus:
    def __init__(self, database_url: str) -> None:
        self._database_url = database_url
        self._connection: asyncpg.Connection | None = None
        self._lock = asyncio.Lock()
        self._waiters: dict[str, set[asyncio.Event]] = defaultdict(set)

    async def _ensure_listening(self) -> None:
        async with self._lock:
            if self._connection is not None and not self._connection.is_closed():
                return
            try:
                self._connection = await asyncpg.connect(self._database_url)
                await self._connection.add_listener(CHANNEL, self._on_notify)
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("live_status_listen_failed", error=str(exc))  # streams fall back to polling
                self._connection = None

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        for event in self._waiters.get(payload, ()):
            event.set()

    @contextlib.contextmanager
    def _subscription(self, tenant_id: uuid.UUID) -> Iterator[asyncio.Event]:
        event = asyncio.Event()
        key = str(tenant_id)
        self._waiters[key].add(event)
        try:
            yield event
        finally:
            self._waiters[key].discard(event)
            if not self._waiters[key]:
                del self._waiters[key]

    async def subscribe(self, tenant_id: uuid.UUID) -> contextlib.AbstractContextManager[asyncio.Event]:
        await self._ensure_listening()
        return self._subscription(tenant_id)

    async def close(self) -> None:
        if self._connection is not None and not self._connection.is_closed():
            await self._connection.close()
        self._connection = None
