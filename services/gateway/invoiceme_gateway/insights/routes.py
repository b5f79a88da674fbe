"""Insights: list, read, dismiss, and refresh on demand (the analytics service also refreshes them
when enough invoices changed)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

import asyncpg
import httpx
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from invoiceme_analytics.insights import repository as insights_repo
from invoiceme_analytics.insights.narrative import RequestBudget, narrator_from_settings
from invoiceme_analytics.insights.service import generate
from invoiceme_analytics.settings import AnalyticsSettings
from invoiceme_gateway.analytics.routes import MonthParam, as_of_date
from invoiceme_gateway.deps import State, User
from invoiceme_gateway.errors import ApiError, error_responses

router = APIRouter(prefix="/api/insights", tags=["insights"])


class InsightOut(BaseModel):
    id: uuid.UUID
    kind: str = Field(examples=["budget_overrun"])
    severity: str = Field(examples=["critical"])
    period: str | None
    business_id: uuid.UUID | None
    invoice_ids: list[uuid.UUID]
    data: dict[str, Any] = Field(description="The computed numbers the narrative words (strings, 2 decimals)")
    narrative: str = Field(
        examples=["Bezeq is over its monthly budget: 1200.00 of 1000.00 ILS (120%) in 2026-03."]
    )
    narrative_source: str = Field(examples=["template"])
    created_at: datetime
    updated_at: datetime
    read_at: datetime | None
    dismissed_at: datetime | None


class InsightList(BaseModel):
    items: list[InsightOut]


class RefreshResult(BaseModel):
    current: int


def analytics_settings(request: Request) -> AnalyticsSettings:
    """Read once per app (the same variables the analytics service reads)."""
    settings = getattr(request.app.state, "analytics_settings", None)
    if settings is None:
        settings = request.app.state.analytics_settings = AnalyticsSettings()
    return settings


def llm_budget(request: Request, settings: AnalyticsSettings) -> RequestBudget:
    """One LLM request budget for the whole gateway process."""
    budget = getattr(request.app.state, "insights_llm_budget", None)
    if budget is None:
        budget = request.app.state.insights_llm_budget = RequestBudget(
            settings.insights_llm_requests_per_minute
        )
    return budget


def _out(row: asyncpg.Record | None) -> InsightOut:
    if row is None:
        raise ApiError(404, "no such insight")
    return InsightOut(**dict(row))


@router.get("", response_model=InsightList, summary="Current insights, most severe first")
async def list_insights(user: User, state: State, include_dismissed: bool = False) -> InsightList:
    rows = await insights_repo.list_insights(state.pool, user.tenant_id, include_dismissed)
    return InsightList(items=[_out(row) for row in rows])


@router.post("/refresh", response_model=RefreshResult, summary="Re-run every detector now")
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
    settings = analytics_settings(request)
    async with httpx.AsyncClient() as client:
        narrator = narrator_from_settings(settings, client, llm_budget(request, settings))
        current = await generate(
            state.pool,
            narrator,
            user.tenant_id,
            as_of_date(month),
            language or settings.insights_language,
            renarrate=language is not None,
        )
    return RefreshResult(current=current)


@router.get(
    "/{insight_id}",
    response_model=InsightOut,
    responses=error_responses(404),
    summary="One insight (marks it read)",
)
async def read_insight(insight_id: uuid.UUID, user: User, state: State) -> InsightOut:
    return _out(await insights_repo.mark(state.pool, user.tenant_id, insight_id, "read_at"))


@router.post(
    "/{insight_id}/dismiss",
    response_model=InsightOut,
    responses=error_responses(404),
    summary="Dismiss an insight",
)
async def dismiss_insight(insight_id: uuid.UUID, user: User, state: State) -> InsightOut:
    return _out(await insights_repo.mark(state.pool, user.tenant_id, insight_id, "dismissed_at"))
