"""Retries with exponential backoff and full jitter that honour a server's Retry-After."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from .errors import ProviderError, RetryableError

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 1.0
    max_delay: float = 30.0

    def delay(
        self, attempt: int, retry_after: float | None, rand: Callable[[], float] = random.random
    ) -> float:
        """Backoff before retry number `attempt` (1-based); never shorter than the server asked."""
        backoff = min(self.max_delay, self.base_delay * 2 ** (attempt - 1)) * (0.5 + rand() / 2)
        return max(backoff, retry_after or 0.0)


DEFAULT_POLICY = RetryPolicy()


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: rare from APIs, fall back to our own backoff


async def with_retries(
    call: Callable[[], Awaitable[T]],
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    for attempt in range(1, policy.attempts + 1):
        try:
            return await call()
        except RetryableError as error:
            if attempt == policy.attempts:
                raise ProviderError(f"gave up after {attempt} attempts: {error}") from error
            await sleep(policy.delay(attempt, error.retry_after))
    raise AssertionError("unreachable")
