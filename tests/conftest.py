"""Shared fixtures: real NATS (JetStream) and Postgres for every tier that needs them.

Uses NATS_URL / DATABASE_URL when they answer, otherwise starts embedded ones (data under
.data/test). Every test session gets its own database and NATS namespace, so runs never see each
other's rows or messages (and a developer's `make run` data is untouched).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from invoiceme_cli.infra import Infra, ensure_infra
from invoiceme_common.db import migrate
from tests.support import ast_guard
from tests.support.s3_server import S3Server, running_s3_server

ast_guard.install()  # Python < 3.11.8: a failing test's traceback must not end the session

ROOT = Path(__file__).resolve().parents[1]
# Every test declares a stream of its own namespace on the (shared) NATS, and JetStream reserves a
# stream's max_bytes up front: the default 1 GiB per test stream would exhaust the server's storage.
# Test streams are tiny; age and size limits are pinned by unit tests of the stream config instead.
os.environ.setdefault("STREAM_MAX_MB", "0")
# Tests share one database per session: a reconciler in one test's services would re-drive another
# test's deliberately stalled invoices into its own stream. Tests of the reconciler turn it on.
os.environ.setdefault("RECONCILE_EVERY_SECONDS", "0")


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    started = ensure_infra(
        os.environ.get("NATS_URL", "nats://127.0.0.1:4222"),
        os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/invoiceme"),
        ROOT / ".data" / "test",
        log=lambda message: None,
    )
    yield started
    started.stop()


def _with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@pytest.fixture(scope="session")
def database_url(infra: Infra) -> Iterator[str]:
    name = f"invoiceme_test_{uuid.uuid4().hex[:10]}"
    url = _with_database(infra.database_url, name)
    asyncio.run(migrate(url))
    yield url

    async def drop() -> None:
        admin = await asyncpg.connect(_with_database(infra.database_url, "postgres"))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()

    asyncio.run(drop())


@pytest.fixture(scope="session")
def nats_url(infra: Infra) -> Iterator[str]:
    yield infra.nats_url
    asyncio.run(_delete_stale_test_streams(infra.nats_url))


# Test namespaces (t…, e2e…, health…) each leave a stream and an object-store bucket behind. Those of
# runs that ended hours ago are deleted, so a long-lived server (a developer's, CI's) never fills
# up; younger ones may belong to a run still going on beside this one.
_TEST_STREAM = re.compile(r"^(OBJ_)?(t|e2e|health)[0-9a-f]{8,12}[_-]", re.IGNORECASE)
_STALE_AFTER = dt.timedelta(hours=3)


async def _delete_stale_test_streams(url: str) -> None:
    import nats

    try:
        connection = await nats.connect(url, connect_timeout=5, max_reconnect_attempts=0)
    except Exception:  # cleanup must never fail a test session
        return
    try:
        js, offset, now = connection.jetstream(), 0, dt.datetime.now(dt.UTC)
        while page := await js.streams_info(offset=offset):
            offset += len(page)
            for info in page:
                created = info.created
                if _TEST_STREAM.match(info.config.name or "") and created and now - created > _STALE_AFTER:
                    await js.delete_stream(info.config.name)
    except Exception:
        pass
    finally:
        await connection.close()


@pytest.fixture
def namespace() -> str:
    """A fresh NATS namespace (streams, subjects, consumers, buckets) for one test."""
    return f"t{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    from invoiceme_common.db import create_pool

    pool = await create_pool(database_url, 1, 4)
    yield pool
    await pool.close()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A real S3-compatible server (moto_server) on a free loopback port, for the whole session."""
    with running_s3_server(log_path=ROOT / "tests" / ".artifacts" / "moto_server.log") as server:
        yield server
