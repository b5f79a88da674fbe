"""Operator routes: dead letters and their replay. Only users listed in ADMIN_EMAILS."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from invoiceme_common.dead_letters import CannotReplay, list_dead_letters, replay_dead_letter
from invoiceme_gateway.deps import CurrentUser, State, User
from invoiceme_gateway.errors import ApiError

router = APIRouter(prefix="/api/admin", tags=["admin"])


async def require_admin(user: User, state: State) -> CurrentUser:
    email = await state.pool.fetchval("SELECT email FROM users WHERE id = $1", user.user_id)
    if email is None or email.lower() not in state.settings.admin_email_set:
        raise ApiError(403, "only operators listed in ADMIN_EMAILS may do this")
    return user


Admin = Annotated[CurrentUser, Depends(require_admin)]


class DeadLetterOut(BaseModel):
    id: int
    consumer: str
    subject: str
    tenant_id: uuid.UUID | None
    invoice_id: uuid.UUID | None
    error: str
    attempts: int
    created_at: datetime
    replayed_at: datetime | None


class Replayed(BaseModel):
    id: int
    subject: str


@router.get("/dead-letters", response_model=list[DeadLetterOut], summary="Messages a consumer gave up on")
async def dead_letters(
    admin: Admin,
    state: State,
    include_replayed: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[DeadLetterOut]:
    rows = await list_dead_letters(state.pool, include_replayed, limit)
    return [DeadLetterOut(**dict(row)) for row in rows]


@router.post(
    "/dead-letters/{dead_letter_id}/replay",
    response_model=Replayed,
    summary="Send a dead letter's event again to the subject it came from",
)
async def replay(dead_letter_id: int, admin: Admin, state: State) -> Replayed:
    try:
        subject = await replay_dead_letter(
            state.pool, state.broker.connection.jetstream(), state.topology, dead_letter_id
        )
    except CannotReplay as exc:
        raise ApiError(404 if "no such" in str(exc) else 409, str(exc)) from exc
    return Replayed(id=dead_letter_id, subject=subject)
