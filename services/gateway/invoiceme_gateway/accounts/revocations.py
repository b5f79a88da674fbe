"""Which signed-out tokens and ended sessions are still worth refusing, held in memory so checking a
bearer token costs no database round trip.

Every revocation is written with a NOTIFY in the same statement (`accounts.repository`), so
Postgres tells every gateway process (every uvicorn worker, every replica) when it commits: the
process that revoked refuses the token at once, the others as soon as the NOTIFY reaches them
(milliseconds; `tests/integration/gateway/test_revocation_across_processes.py`). Each
process keeps one LISTEN connection; after (re)connecting it LISTENs first and then loads what is
revoked, so nothing committed in between is missed. Only what can still matter is kept: a revoked
access token until it expires, a revoked session family for one access-token lifetime (no token of
a revoked family is issued afterwards, and earlier ones expire within that time).

While the connection is down (start-up, an outage) the list says it does not know, and callers ask
the database as before: never a stale "not revoked".
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from invoiceme_common.logging import get_logger
from invoiceme_common.waiting import cancel_and_wait, wait_until_set

CHANNEL = "invoiceme_revocations"
# NOTIFY payloads: "t:<jti>:<expiry, Unix seconds>" (one access token), "f:<family id>" (a session
# and every token of it). Access tokens live at most 60 minutes (GatewaySettings.jwt_ttl_minutes).
TOKEN_PREFIX, FAMILY_PREFIX = "t:", "f:"
FAMILY_KEEP = timedelta(minutes=65)
log = get_logger(__name__)


def token_payload(token_id: uuid.UUID, expires_at: datetime) -> str:
    return f"{TOKEN_PREFIX}{token_id}:{int(expires_at.timestamp()) + 1}"


def family_payload(family_id: uuid.UUID) -> str:
    return f"{FAMILY_PREFIX}{family_id}"


@dataclass
class RevokedSet:
    """The in-memory list (no I/O): revoked token ids until they expire, families for `keep`."""

    keep: timedelta = FAMILY_KEEP
    tokens: dict[uuid.UUID, datetime] = field(default_factory=dict)
    families: dict[uuid.UUID, datetime] = field(default_factory=dict)

    def add_token(self, token_id: uuid.UUID, expires_at: datetime) -> None:
        self.tokens[token_id] = expires_at

    def add_family(self, family_id: uuid.UUID, revoked_at: datetime | None = None) -> None:
        self.families[family_id] = revoked_at or datetime.now(UTC)

    def apply(self, payload: str) -> None:
        """Add what a NOTIFY payload names (see `token_payload`, `family_payload`)."""
        kind, _, value = payload.partition(":")
        try:
            if kind + ":" == TOKEN_PREFIX:
                token_id, _, expiry = value.partition(":")
                self.add_token(uuid.UUID(token_id), datetime.fromtimestamp(int(expiry), UTC))
            elif kind + ":" == FAMILY_PREFIX:
                self.add_family(uuid.UUID(value))
            else:
                raise ValueError(kind)
        except ValueError:
            log.warning("revocation_payload_unreadable", payload=payload)

    def contains(self, token_id: uuid.UUID, family_id: uuid.UUID | None) -> bool:
        return token_id in self.tokens or (family_id is not None and family_id in self.families)

    def prune(self, now: datetime) -> None:
        self.tokens = {t: expires for t, expires in self.tokens.items() if expires > now}
        self.families = {f: at for f, at in self.families.items() if at > now - self.keep}


class RevocationList:
    """A `RevokedSet` kept current by LISTEN; `revoked()` is None while it may be behind."""

    def __init__(self, database_url: str, keep: timedelta = FAMILY_KEEP, ping_seconds: float = 5.0) -> None:
        self._database_url = database_url
        self._ping_seconds = ping_seconds
        self._revoked = RevokedSet(keep)
        self._current = False
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._awaited: dict[str, asyncio.Event] = {}

    def start(self) -> None:
        self._task = asyncio.create_task(self._listen_forever(), name="revocation-listener")

    async def wait_ready(self, within_seconds: float) -> bool:
        await wait_until_set(self._ready, within_seconds)
        return self._current

    async def stop(self) -> None:
        await cancel_and_wait(self._task)

    def revoked(self, token_id: uuid.UUID, family_id: uuid.UUID | None) -> bool | None:
        """True/False when the list is current; None when the caller must ask the database."""
        if not self._current:
            return None
        return self._revoked.contains(token_id, family_id)

    def record_token(self, token_id: uuid.UUID, expires_at: datetime) -> None:
        """This process revoked it: refuse it here at once, before our own NOTIFY comes back."""
        self._revoked.add_token(token_id, expires_at)

    def record_family(self, family_id: uuid.UUID) -> None:
        self._revoked.add_family(family_id)

    @contextlib.contextmanager
    def announcing(self, payload: str) -> Iterator[asyncio.Event]:
        """Around the commit that sends `payload`: the event is set when our own LISTEN hears it."""
        event = self._awaited.setdefault(payload, asyncio.Event())
        try:
            yield event
        finally:
            self._awaited.pop(payload, None)

    async def wait_heard(self, event: asyncio.Event, within_seconds: float) -> bool:
        """Postgres signals every listening process at the commit; once our own copy is here the
        others' are on their way too (each listening backend sends its copy when the OS schedules
        it: well under a millisecond idle, a few on a loaded machine). False at once while not
        current (the database is then every process's judge anyway)."""
        if not self._current:
            return False
        return await wait_until_set(event, within_seconds)

    async def _listen_forever(self) -> None:
        wait = 0.5
        while True:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(self._database_url, timeout=10)
                conn.add_termination_listener(self._on_lost)
                await conn.add_listener(CHANNEL, self._on_notify)
                await self._load(conn)  # after LISTEN: a revocation committed meanwhile is heard too
                self._current, wait = True, 0.5
                self._ready.set()
                while not conn.is_closed():
                    await asyncio.sleep(self._ping_seconds)
                    await conn.execute("SELECT 1", timeout=10)  # notices a dead or paused server
                    self._revoked.prune(datetime.now(UTC))
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("revocation_listener_lost", error=f"{type(error).__name__}: {error}")
            finally:
                self._current = False
                if conn is not None and not conn.is_closed():
                    conn.terminate()
            self._ready.set()  # waiters learn it is not current (callers fall back to the database)
            await asyncio.sleep(wait)
            wait = min(wait * 2, 10.0)

    async def _load(self, conn: asyncpg.Connection) -> None:
        started = time.perf_counter()
        tokens = await conn.fetch("SELECT jti, expires_at FROM revoked_tokens WHERE expires_at > now()")
        families = await conn.fetch(
            """SELECT family_id, max(revoked_at) AS revoked_at FROM refresh_tokens
               WHERE revoked_at > now() - make_interval(secs => $1) GROUP BY family_id""",
            self._revoked.keep.total_seconds(),
        )
        for row in tokens:
            self._revoked.add_token(row["jti"], row["expires_at"])
        for row in families:
            self._revoked.add_family(row["family_id"], row["revoked_at"])
        log.info(
            "revocations_loaded",
            tokens=len(tokens),
            families=len(families),
            ms=round((time.perf_counter() - started) * 1000, 1),
        )

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        self._revoked.apply(payload)
        awaited = self._awaited.get(payload)
        if awaited is not None:
            awaited.set()

    def _on_lost(self, _conn: Any) -> None:
        self._current = False
