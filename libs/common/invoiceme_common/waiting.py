"""Waiting and stopping that survive Python 3.11's asyncio.wait_for race.

On 3.11, `asyncio.wait_for(event.wait(), t)` returns normally when a cancellation arrives in the same
loop turn as the event is set: the cancellation is swallowed, so a background loop asked to stop
goes on forever (seen: a gateway's outbox relay ignoring its stop, hanging shutdown for 30 s).
`asyncio.timeout` counts cancellations and never swallows one.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any


async def wait_until_set(event: asyncio.Event, seconds: float) -> bool:
    """True when `event` is set within `seconds`, False when the time ran out."""
    try:
        async with asyncio.timeout(seconds):
            await event.wait()
    except TimeoutError:
        return False
    return True


async def cancel_and_wait(task: asyncio.Task[Any] | None, recheck_seconds: float = 1.0) -> None:
    """Cancel `task` and wait until it has ended, cancelling again should a library swallow it."""
    if task is None:
        return
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=recheck_seconds)
    with contextlib.suppress(asyncio.CancelledError, Exception):
        task.result()
