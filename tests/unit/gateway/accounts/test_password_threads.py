"""argon2 (~35 ms of CPU per check) runs off the event loop, so a burst of log-ins stalls no request."""

from __future__ import annotations

import asyncio

from invoiceme_gateway.accounts import security


async def _ticks_during(work) -> int:
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


class TestPasswordHashingOffTheLoop:
    """Other tasks keep running while a password is hashed or checked."""

    async def test_checking_a_password_leaves_the_loop_free(self) -> None:
        stored = security.hash_password("password-123")
        assert await _ticks_during(security.check_password(stored, "password-123")) >= 10

    async def test_hashing_a_password_leaves_the_loop_free(self) -> None:
        assert await _ticks_during(security.new_password_hash("password-123")) >= 10
