"""Operator routes: dead letters and their replay, stalled invoices and the reconciler, replay of a
pipeline stage. Only accounts granted the operator role (`invoiceme admin grant EMAIL`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from invoiceme_gateway.admin import service
from invoiceme_gateway.admin.models import (
    DeadLetterOut,
    Reconciled,
    Replayed,
    ReplayQueued,
    ReplayRequest,
    StalledOut,
)
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


@router.get(
    "/stalled",
    response_model=list[StalledOut],
    summary="Invoices that stopped moving through the pipeline (the reconciler re-drives them)",
)
async def stalled(
    admin: Admin, state: State, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[StalledOut]:
    return await service.stalled(state, limit)


@router.post("/reconcile", response_model=Reconciled, summary="Re-drive stalled invoices now")
async def reconcile(admin: Admin, state: State) -> Reconciled:
    return Reconciled(redriven=await service.reconcile(state))


@router.post(
    "/replay",
    response_model=ReplayQueued,
    status_code=202,
    summary="Run a pipeline stage again (ocr, extract or analytics) for a selection of invoices",
)
async def replay_stage(request: ReplayRequest, admin: Admin, state: State) -> ReplayQueued:
    return ReplayQueued(stage=request.stage, invoices=await service.replay_stage(state, request))
