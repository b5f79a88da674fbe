"""Client-side limiter: requests and tokens per rolling minute (Groq's free tier bills both).
Callers that must not wait (insight narratives fall back to a template) use `try_acquire`."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable

WINDOW_SECONDS = 60.0


class RateLimiter:
    def __init__(
        self,
        requests_per_minute: int,
        tokens_per_minute: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.requests_per_minute = requests_per_minute
        self.tokens_per_minute = tokens_per_minute
        self._clock = clock
        self._sleep = sleep
        self._sent: deque[tuple[float, int]] = deque()  # (when, tokens) inside the window
        self._lock = asyncio.Lock()

    def wait_needed(self, tokens: int) -> float:
        """Seconds until a request of `tokens` fits in both budgets (0 when it fits now)."""
        now = self._clock()
        while self._sent and now - self._sent[0][0] >= WINDOW_SECONDS:
            self._sent.popleft()
        tokens = min(tokens, self.tokens_per_minute)  # one huge request must still be able to go alone
        waits = [0.0]
        if len(self._sent) >= self.requests_per_minute:
            waits.append(self._sent[len(self._sent) - self.requests_per_minute][0] + WINDOW_SECONDS - now)
        used = sum(count for _, count in self._sent)
        freed = 0
        for when, count in self._sent:
            if used - freed + tokens <= self.tokens_per_minute:
                break
            freed += count
            waits.append(when + WINDOW_SECONDS - now)
        return max(waits)

    async def acquire(self, tokens: int) -> float:
        """Wait until the request may go, record it, and return how long we waited."""
        waited = 0.0
        async with self._lock:
            while (delay := self.wait_needed(tokens)) > 0:
                await self._sleep(delay)
                waited += delay
            self._sent.append((self._clock(), min(tokens, self.tokens_per_minute)))
        return waited

    def try_acquire(self, tokens: int = 1) -> bool:
        """Record the request and return True when it fits now; False (recording nothing) otherwise."""
        if self._lock.locked() or self.wait_needed(tokens) > 0:
            return False
        self._sent.append((self._clock(), min(tokens, self.tokens_per_minute)))
        return True
