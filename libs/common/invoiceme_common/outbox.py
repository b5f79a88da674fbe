"""Transactional outbox: an event is written in the same transaction as the change it announces,
and a relay publishes it to JetStream afterwards — so a crash or a NATS outage between the commit
and the publish can delay an event, never lose it.

`add()` is all a writer calls (inside its transaction). `OutboxRelay` runs in every service
process: it wakes on a Postgres NOTIFY (on a dedicated connection: pooled ones drop listeners) or
every `poll_seconds`, claims pending rows with `FOR UPDATE SKIP LOCKED` (several relays share the
work), publishes each with `Nats-Msg-Id` = its id and waits for JetStream's ack before marking it
published. A row published twice (a relay died between the ack and the mark) is dropped by
JetStream's duplicate window, and consumers are idempotent beyond it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

import asyncpg
import structlog
from nats.js import JetStreamContext

from .bus import HEADER_INVOICE, HEADER_TENANT, PUBLISH_ACK_TIMEOUT_SECONDS
from .events import Event
from .logging import get_logger
from .waiting import cancel_and_wait, wait_until_set

NOTIFY_CHANNEL = "invoiceme_outbox"
log = get_logger(__name__)
# Every event wakes every service's relay, and only one can publish it. Backend pids of this
# process's connections that wrote outbox rows: a NOTIFY from one of them is this process's own
# event, which its relay publishes at once; other processes' relays wait a little, then find it
# published with one cheap query instead of a transaction each. They check at most once per
# delay, however many events arrived meanwhile: a process with no relay of its own (the CLI) still
# sees its events out within the delay, and a burst costs each other relay a few queries, not three
# per document.
_WRITER_PIDS: set[int] = set()
FOREIGN_WAKE_DELAY_SECONDS = 0.5
_ANY_PENDING = "SELECT EXISTS (SELECT 1 FROM outbox WHERE stream = $1 AND published_at IS NULL)"


async def add(
    conn: asyncpg.Connection,
    event: Event,
    subject: str,
    stream: str,
    correlation_id: str | None = None,
) -> uuid.UUID:
    """Queue `event` for publishing when the surrounding transaction commits; returns its id.
    The correlation id defaults to the one bound to the current request or message."""
    correlation = correlation_id or structlog.contextvars.get_contextvars().get("correlation_id")
    await add_raw(
        conn,
        event.event_id,
        subject,
        stream,
        event.model_dump_json(),
        event.tenant_id,
        event.invoice_id,
        correlation,
    )
    return event.event_id


async def add_raw(
    conn: asyncpg.Connection,
    outbox_id: uuid.UUID,
    subject: str,
    stream: str,
    payload: str,
    tenant_id: uuid.UUID | None,
    invoice_id: uuid.UUID | None,
    correlation_id: str | None,
) -> None:
    """`add` for a message that is already JSON (a dead letter sent again)."""
    _WRITER_PIDS.add(conn.get_server_pid())
    headers = {HEADER_TENANT: str(tenant_id), HEADER_INVOICE: str(invoice_id)}
    if correlation_id:
        headers["correlation_id"] = str(correlation_id)
    await conn.execute(
        """INSERT INTO outbox (id, stream, subject, payload, headers, tenant_id, invoice_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7)""",
        outbox_id,
        stream,
        subject,
        payload,
        headers,
        tenant_id,
        invoice_id,
    )


async def publish_pending(
    pool: asyncpg.Pool, js: JetStreamContext, stream: str, batch: int = 100, check_first: bool = False
) -> int:
    """Publish up to `batch` pending events of `stream`, oldest first; returns how many went out.
    `check_first`: one query to see whether anything is pending before opening a transaction."""
    if check_first and not await pool.fetchval(_ANY_PENDING, stream):
        return 0
    async with pool.acquire() as conn, conn.transaction():
        rows = await conn.fetch(
            """SELECT id, subject, payload, headers FROM outbox
               WHERE stream = $1 AND published_at IS NULL ORDER BY seq LIMIT $2
               FOR UPDATE SKIP LOCKED""",
            stream,
            batch,
        )
        published: list[uuid.UUID] = []
        failure: Exception | None = None
        for row in rows:
            headers = {**_as_dict(row["headers"]), "Nats-Msg-Id": str(row["id"])}
            try:
                await js.publish(
                    row["subject"],
                    row["payload"].encode(),
                    stream=stream,
                    headers=headers,
                    timeout=PUBLISH_ACK_TIMEOUT_SECONDS,
                )
            except Exception as error:  # NATS away: keep what was acknowledged, retry the rest
                failure = error
                break
            published.append(row["id"])
        if published:
            # When JetStream acknowledged them (now() would be when this transaction began).
            await conn.execute(
                "UPDATE outbox SET published_at = clock_timestamp() WHERE id = ANY($1::uuid[])", published
            )
    if failure is not None:
        raise failure
    return len(published)


async def prune(pool: asyncpg.Pool, older_than_days: float) -> int:
    """Forget events published more than `older_than_days` ago (Postgres holds the state they
    announced); returns how many rows went."""
    seconds = older_than_days * 86400
    status = await pool.execute(
        "DELETE FROM outbox WHERE published_at < now() - make_interval(secs => $1)", seconds
    )
    # Failure counts of messages nobody has retried for that long are history too.
    await pool.execute(
        "DELETE FROM delivery_failures WHERE updated_at < now() - make_interval(secs => $1)", seconds
    )
    return int(status.split()[-1])


def _as_dict(value: Any) -> dict[str, str]:
    return json.loads(value) if isinstance(value, str) else dict(value)


@dataclass
class OutboxRelay:
    """Publishes this namespace's outbox rows until stopped; survives Postgres and NATS outages."""

    pool: asyncpg.Pool
    js: JetStreamContext
    stream: str
    database_url: str
    poll_seconds: float = 1.0
    batch: int = 100
    _task: asyncio.Task[None] | None = None
    _wake: asyncio.Event | None = None
    _own_event: bool = True  # publish without checking first (the first round, our own NOTIFYs)
    _foreign_check_due: bool = False  # a check for other processes' events is already scheduled

    def start(self) -> None:
        self._wake = asyncio.Event()
        self._task = asyncio.create_task(self._run(), name=f"outbox-relay-{self.stream}")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)

    def wake(self, own_event: bool = True) -> None:
        self._own_event = self._own_event or own_event
        if self._wake is not None:
            self._wake.set()

    async def _run(self) -> None:
        listener = asyncio.create_task(self._listen())
        failures = 0
        try:
            while True:
                assert self._wake is not None
                self._wake.clear()
                check_first, self._own_event = not self._own_event, False
                try:
                    sent = await publish_pending(self.pool, self.js, self.stream, self.batch, check_first)
                    failures = 0
                except Exception as error:  # Postgres or NATS away: try again later, never give up
                    failures += 1
                    log.warning("outbox_relay_failed", error=f"{type(error).__name__}: {error}")
                    await asyncio.sleep(min(10.0, 0.5 * 2**failures))
                    continue
                if sent:
                    log.debug("outbox_published", events=sent)
                if sent == self.batch:
                    continue  # there may be more
                # A partial batch took all there was: a row committed since sent a NOTIFY, which set
                # `_wake` again (it was cleared before the query), so waiting misses nothing, and
                # saves an empty transaction per publish in every service's relay.
                await wait_until_set(self._wake, self.poll_seconds)
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener

    async def _listen(self) -> None:
        """Keep a LISTEN connection open (reconnecting after outages); polling covers the gaps."""
        while True:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(self.database_url, timeout=10)
                await conn.add_listener(NOTIFY_CHANNEL, self._on_notify)
                while not conn.is_closed():
                    await asyncio.sleep(self.poll_seconds * 5)
                    await conn.execute("SELECT 1", timeout=10)  # notices a dead server
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.debug("outbox_listener_lost", error=str(error))
            finally:
                if conn is not None and not conn.is_closed():
                    conn.terminate()
            await asyncio.sleep(self.poll_seconds)

    def _on_notify(self, _conn: Any, pid: int, _channel: str, payload: str) -> None:
        if payload != self.stream:
            return
        if pid in _WRITER_PIDS:
            self.wake()
        elif not self._foreign_check_due:  # another process's event: its own relay is publishing it
            self._foreign_check_due = True
            asyncio.get_running_loop().call_later(FOREIGN_WAKE_DELAY_SECONDS, self._foreign_wake)

    def _foreign_wake(self) -> None:
        self._foreign_check_due = False
        self.wake(own_event=False)
