"""Retrying transient failures of a remote store with exponential backoff and full jitter."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


def backoff_delays(
    attempts: int, base: float, cap: float, rng: Callable[[], float] = random.random
) -> list[float]:
    """Seconds to wait before each retry (attempts - 1 of them): full jitter over base * 2^n, capped,
    so many clients failing at once do not retry in step."""
    return [rng() * min(cap, base * 2**n) for n in range(max(attempts - 1, 0))]


async def with_retries(
    operation: Callable[[], Awaitable[T]],
    attempts: int,
    is_transient: Callable[[BaseException], bool],
    base_delay: float = 0.2,
    max_delay: float = 5.0,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run `operation` up to `attempts` times; only transient errors are retried, the last one raised."""
    delays = backoff_delays(attempts, base_delay, max_delay)
    for delay in delays:
        try:
            return await operation()
        except Exception as exc:
            if not is_transient(exc):
                raise
        await sleep(delay)
    return await operation()
