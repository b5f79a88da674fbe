"""A stop request that arrives in the same loop turn as a wake-up must still stop the loop."""

from __future__ import annotations

import asyncio

from invoiceme_common.waiting import cancel_and_wait, wait_until_set


async def _wake_loop(event: asyncio.Event) -> None:
    while True:  # like the outbox relay: wait for a wake-up or the poll interval, forever
        await wait_until_set(event, 10.0)
        event.clear()


async def test_a_cancel_arriving_with_the_wake_up_is_not_swallowed() -> None:
    event = asyncio.Event()
    loop_task = asyncio.create_task(_wake_loop(event))
    await asyncio.sleep(0)  # the loop is waiting
    event.set()
    loop_task.cancel()  # same turn as the wake-up: asyncio.wait_for on 3.11 would return normally
    await asyncio.wait({loop_task}, timeout=1.0)
    assert loop_task.cancelled()


async def test_wait_until_set_says_whether_the_event_came() -> None:
    event = asyncio.Event()
    assert await wait_until_set(event, 0.01) is False
    asyncio.get_running_loop().call_later(0.01, event.set)
    assert await wait_until_set(event, 5.0) is True


async def test_cancel_and_wait_cancels_again_when_a_task_swallows_the_first() -> None:
    swallowed = 0

    async def stubborn() -> None:
        nonlocal swallowed
        while True:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                if swallowed:
                    raise
                swallowed += 1  # a library that eats one cancellation

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    await asyncio.wait_for(cancel_and_wait(task, recheck_seconds=0.05), timeout=5)
    assert task.cancelled() and swallowed == 1
