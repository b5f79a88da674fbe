"""`invoiceme up` brings back an embedded NATS that died, on the same port and with its data."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import nats
from nats.js import JetStreamContext

from invoiceme_cli.infra import Infra, start_embedded_nats
from invoiceme_cli.supervisor import RestartPolicy, Supervisor
from tests.support.private_infra import free_port


async def _stream_names(url: str) -> list[str]:
    connection = await nats.connect(url, connect_timeout=2, max_reconnect_attempts=0)
    try:
        js = connection.jetstream()
        if not [s async for s in _streams(js)]:
            await js.add_stream(name="KEEP", subjects=["keep.>"])
        return [s async for s in _streams(js)]
    finally:
        await connection.close()


async def _streams(js: JetStreamContext) -> AsyncIterator[str]:
    for info in await js.streams_info():
        yield info.config.name


def test_a_killed_embedded_nats_is_restarted_with_its_data(tmp_path: Path) -> None:
    url = f"nats://127.0.0.1:{free_port()}"
    infra = Infra(nats_url=url, database_url="unused")
    infra._nats_process = start_embedded_nats(url, tmp_path)
    lines: list[str] = []
    try:
        assert asyncio.run(_stream_names(url)) == ["KEEP"]
        supervisor = Supervisor(infra.supervised(tmp_path), lines.append, RestartPolicy(first_delay=0.2))
        supervisor.watch_from(time.monotonic())
        infra._nats_process.kill()
        infra._nats_process.wait(5)
        deadline = time.monotonic() + 20
        while not supervisor.tick(time.monotonic()):
            assert time.monotonic() < deadline, lines
            time.sleep(0.1)
        assert asyncio.run(_stream_names(url)) == ["KEEP"]  # same server data after the restart
        assert lines[0].startswith("nats exited (code -9)") and lines[1].startswith("nats restarted")
    finally:
        infra.stop()
