"""Insights: list, read, dismiss, and refresh on demand (the analytics service also refreshes them
when enough invoices changed)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from invoiceme_gateway.analytics.service import as_of_date
from invoiceme_gateway.deps import MonthParam, State, User
from invoiceme_gateway.errors import error_responses
from invoiceme_gateway.insights import service
from invoiceme_gateway.insights.models import InsightList, InsightOut, RefreshQueued

router = APIRouter(prefix="/api/insights", tags=["insights"])


@router.get("", response_model=InsightList, summary="Current insights, most severe first")
async def list_insights(
    user: User,
    state: State,
    include_dismissed: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> InsightList:
    return await service.list_insights(state, user.tenant_id, include_dismissed, limit, offset)


@router.post(
    "/refresh",
    status_code=202,
    response_model=RefreshQueued,
    summary="Ask the analytics service to re-run every detector now (queued)",
    responses={429: {"description": "The account used its share of AI processing; see Retry-After"}},
)
async def refresh(
    user: User,
    state: State,
    month: MonthParam = None,
    language: Annotated[
        Literal["en", "he"] | None, Query(description="Narrative language (default: INSIGHTS_LANGUAGE)")
    ] = None,
) -> RefreshQueued:
    """Changed or new findings get a fresh narrative (every one in `language` when it is given);
    unchanged ones keep theirs. The work happens in the analytics service: list insights again to
    see the result."""
    as_of = as_of_date(month) if month else None
    return RefreshQueued(requested_at=await service.request_refresh(state, user.tenant_id, as_of, language))


@router.get(
    "/{insight_id}",
    response_model=InsightOut,
    responses=error_responses(404),
    summary="One insight",
)
async def get_insight(insight_id: uuid.UUID, user: User, state: State) -> InsightOut:
    return await service.get(state, user.tenant_id, insight_id)


@router.post(
    "/{insight_id}/read",
    response_model=InsightOut,
    responses=error_responses(404),
    summary="Mark an insight read",
)
async def read_insight(insight_id: uuid.UUID, user: User, state: State) -> InsightOut:
    return await service.mark(state, user.tenant_id, insight_id, "read_at")


@router.post(
    "/{insight_id}/dismiss",
    response_model=InsightOut,
    responses=error_responses(404),
    summary="Dismiss an insight",
)
async def dismiss_insight(insight_id: uuid.UUID, user: User, state: State) -> InsightOut:
    return await service.mark(state, user.tenant_id, insight_id, "dismissed_at")
