"""Insights: list, read, dismiss, and refresh on demand (the analytics service also refreshes them
when enough invoices changed)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from invoiceme_gateway.deps import MonthParam, State, User
from invoiceme_gateway.errors import error_responses
from invoiceme_gateway.insights import service
from invoiceme_gateway.insights.models import InsightList, InsightOut, RefreshResult

router = APIRouter(prefix="/api/insights", tags=["insights"])


@router.get("", response_model=InsightList, summary="Current insights, most severe first")
async def list_insights(user: User, state: State, include_dismissed: bool = False) -> InsightList:
    return await service.list_insights(state, user.tenant_id, include_dismissed)


@router.post(
    "/refresh",
    response_model=RefreshResult,
    summary="Re-run every detector now",
    responses={429: {"description": "The account used its share of AI processing; see Retry-After"}},
)
async def refresh(
    user: User,
    state: State,
    request: Request,
    month: MonthParam = None,
    language: Annotated[
        Literal["en", "he"] | None, Query(description="Narrative language (default: INSIGHTS_LANGUAGE)")
    ] = None,
) -> RefreshResult:
    """Changed or new findings get a fresh narrative in `language`; unchanged ones keep theirs."""
    return RefreshResult(current=await service.refresh(state, request, user.tenant_id, month, language))


@router.get(
    "/{insight_id}",
    response_model=InsightOut,
    responses=error_responses(404),
    summary="One insight (marks it read)",
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
