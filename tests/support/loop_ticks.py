"""How many times other tasks got to run while some work was awaited: 0 means the work held the
event loop the whole time (tests of CPU work kept off the loop)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any


async def ticks_during(work: Awaitable[Any]) -> int:
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    start = ticks
    try:
        await work
    finally:
        stop.set()
        await task
    return ticks - start
