"""Operator use cases: list dead letters, replay one to the subject it came from."""

from __future__ import annotations

import uuid

from invoiceme_common import redrive
from invoiceme_common.dead_letters import CannotReplay, list_dead_letters, replay_dead_letter
from invoiceme_gateway.admin.models import DeadLetterOut, ReplayRequest, StalledOut
from invoiceme_gateway.domain_errors import Conflict, NotFound
from invoiceme_gateway.state import GatewayState


async def dead_letters(state: GatewayState, include_replayed: bool, limit: int) -> list[DeadLetterOut]:
    rows = await list_dead_letters(state.pool, include_replayed, limit)
    return [DeadLetterOut(**dict(row)) for row in rows]


async def replay(state: GatewayState, dead_letter_id: int) -> str:
    """Returns the subject the event was sent to again."""
    try:
        return await replay_dead_letter(state.pool, state.topology, dead_letter_id)
    except CannotReplay as exc:
        if "no such" in str(exc):
            raise NotFound(str(exc)) from exc
        raise Conflict(str(exc)) from exc


async def stalled(state: GatewayState, limit: int) -> list[StalledOut]:
    rows = await redrive.stalled(state.pool, state.settings.reconcile_after_seconds, limit)
    return [
        StalledOut(
            **{k: v for k, v in dict(row).items() if k != "stalled_for"},
            stalled_seconds=row["stalled_for"].total_seconds(),
        )
        for row in rows
    ]


async def reconcile(state: GatewayState) -> list[uuid.UUID]:
    return await redrive.reconcile(state.pool, state.topology, state.settings.reconcile_after_seconds)


async def replay_stage(state: GatewayState, request: ReplayRequest) -> int:
    """Queue the stage again (outbox) for every selected invoice; returns how many."""
    selection = redrive.Selection(request.tenant_id, request.invoice_id, request.since)
    return await redrive.replay(state.pool, state.topology, request.stage, selection, request.provider)
