"""Operator routes: dead letters and their replay. Only accounts granted the operator role
(`invoiceme admin grant EMAIL`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from invoiceme_gateway.admin import service
from invoiceme_gateway.admin.models import DeadLetterOut, Replayed
from invoiceme_gateway.deps import Admin, State

router = APIRouter(prefix="/api/admin", tags=["admin"])


@router.get("/dead-letters", response_model=list[DeadLetterOut], summary="Messages a consumer gave up on")
async def dead_letters(
    admin: Admin,
    state: State,
    include_replayed: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DeadLetterOut]:
    return await service.dead_letters(state, include_replayed, limit)


@router.post(
    "/dead-letters/{dead_letter_id}/replay",
    response_model=Replayed,
    summary="Send a dead letter's event again to the subject it came from",
)
async def replay(dead_letter_id: int, admin: Admin, state: State) -> Replayed:
    subject = await service.replay(state, dead_letter_id)
    return Replayed(id=dead_letter_id, subject=subject)
