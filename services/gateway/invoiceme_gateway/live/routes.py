from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from invoiceme_gateway.accounts.service import CurrentUser, session_alive
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import error_responses
from invoiceme_gateway.live import repository
from invoiceme_gateway.live.feed import BATCH, StatusFeed
from invoiceme_gateway.state import GatewayState

router = APIRouter(prefix="/api/events", tags=["live status"], responses=error_responses())
KEEPALIVE_SECONDS = 15.0
# Last event of a stream whose session ended: refresh the token and open a new stream.
SESSION_ENDED = 'event: session_ended\ndata: {"reason": "expired, signed out or revoked"}\n\n'
GAP_RECHECK_SECONDS = 0.25
# How far back a new stream looks for changes still in flight: ids, and seconds (twice the feed's wait)
START_WINDOW = 1000
START_RECENT_SECONDS = 60.0


async def _stream(
    state: GatewayState,
    request: Request,
    user: CurrentUser,
    cursor: int,
    already_seen: frozenset[int] = frozenset(),
) -> AsyncIterator[str]:
    assert state.live is not None
    feed = StatusFeed(state.pool, user.tenant_id, cursor, already_seen=already_seen)
    yield "retry: 3000\n\n"
    with await state.live.subscribe(user.tenant_id) as wake:
        idle = 0.0
        while not await request.is_disconnected():
            if not await session_alive(state, user.claims):  # expired, signed out or revoked
                yield SESSION_ENDED
                return
            wake.clear()
            changes = await feed.next_batch()
            for change in changes:
                data = json.dumps(change, ensure_ascii=False)
                yield f"id: {change['id']}\nevent: status\ndata: {data}\n\n"
            if len(changes) == BATCH:
                continue
            wait = min(state.settings.sse_poll_seconds, KEEPALIVE_SECONDS)
            if feed.waiting_on_gap:
                wait = GAP_RECHECK_SECONDS
            try:
                await asyncio.wait_for(wake.wait(), timeout=wait)
                idle = 0.0
            except TimeoutError:
                idle += wait
                if idle >= KEEPALIVE_SECONDS:
                    idle = 0.0
                    yield ": keep-alive\n\n"


@router.get(
    "",
    summary="Server-Sent Events: your invoices' status changes, resumable",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {
                "text/event-stream": {
                    "example": 'id: 42\nevent: status\ndata: {"id": 42, "invoice_id": "…", '
                    '"status": "extracted", "error": null, '
                    '"at": "2026-01-01T10:00:00+00:00"}\n\n'
                }
            }
        }
    },
)
async def stream_events(
    request: Request,
    user: User,
    state: State,
    last_event_id: Annotated[str | None, Header(description="Sent by EventSource when it reconnects")] = None,
    since: Annotated[
        int | None, Query(ge=0, description="Resume after this event id (as Last-Event-ID)")
    ] = None,
) -> StreamingResponse:
    """Each event's `id` is a status-history id: on reconnect the browser sends `Last-Event-ID` and the
    stream resumes right after it. Without one, the stream starts with changes from now on.
    The token comes in the `Authorization` header only (never the URL: URLs end up in logs and
    histories), so browsers read the stream with `fetch`. The stream re-checks the session at every
    poll and ends with an `event: session_ended` once the token expires or the session is revoked."""
    cursor = since
    if last_event_id and last_event_id.strip().isdigit():
        cursor = int(last_event_id.strip())
    already_seen: frozenset[int] = frozenset()
    if cursor is None:  # from now on, including changes whose transactions are still running
        cursor, already_seen = await repository.start_point(
            state.pool, user.tenant_id, START_WINDOW, START_RECENT_SECONDS
        )
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(
        _stream(state, request, user, cursor, already_seen), media_type="text/event-stream", headers=headers
    )
