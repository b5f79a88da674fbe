from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from invoiceme_gateway.deps import State, StreamUser
from invoiceme_gateway.errors import error_responses
from invoiceme_gateway.live import repository
from invoiceme_gateway.live.feed import BATCH, StatusFeed
from invoiceme_gateway.state import GatewayState

router = APIRouter(prefix="/api/events", tags=["live status"], responses=error_responses())
KEEPALIVE_SECONDS = 15.0
GAP_RECHECK_SECONDS = 0.25


async def _stream(
    state: GatewayState, request: Request, tenant_id: uuid.UUID, cursor: int
) -> AsyncIterator[str]:
    assert state.live is not None
    feed = StatusFeed(state.pool, tenant_id, cursor)
    yield "retry: 3000\n\n"
    with await state.live.subscribe(tenant_id) as wake:
        idle = 0.0
        while not await request.is_disconnected():
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
    user: StreamUser,
    state: State,
    last_event_id: Annotated[str | None, Header(description="Sent by EventSource when it reconnects")] = None,
    since: Annotated[
        int | None, Query(ge=0, description="Resume after this event id (as Last-Event-ID)")
    ] = None,
) -> StreamingResponse:
    """Each event's `id` is a status-history id: on reconnect the browser sends `Last-Event-ID` and the
    stream resumes right after it. Without one, the stream starts with changes from now on.
    EventSource cannot send headers, so this route also accepts `?access_token=`."""
    cursor = since
    if last_event_id and last_event_id.strip().isdigit():
        cursor = int(last_event_id.strip())
    if cursor is None:
        cursor = await repository.latest_change_id(state.pool, user.tenant_id)
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(
        _stream(state, request, user.tenant_id, cursor), media_type="text/event-stream", headers=headers
    )
