"""Operator use cases: list dead letters, replay one to the subject it came from."""

from __future__ import annotations

from invoiceme_common.dead_letters import CannotReplay, list_dead_letters, replay_dead_letter
from invoiceme_gateway.admin.models import DeadLetterOut
from invoiceme_gateway.domain_errors import Conflict, NotFound
from invoiceme_gateway.state import GatewayState


async def dead_letters(state: GatewayState, include_replayed: bool, limit: int) -> list[DeadLetterOut]:
    rows = await list_dead_letters(state.pool, include_replayed, limit)
    return [DeadLetterOut(**dict(row)) for row in rows]


async def replay(state: GatewayState, dead_letter_id: int) -> str:
    """Returns the subject the event was sent to again."""
    try:
        return await replay_dead_letter(
            state.pool, state.broker.connection.jetstream(), state.topology, dead_letter_id
        )
    except CannotReplay as exc:
        if "no such" in str(exc):
            raise NotFound(str(exc)) from exc
        raise Conflict(str(exc)) from exc
