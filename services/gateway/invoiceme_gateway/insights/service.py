"""Insight use cases: list, mark read or dismissed, refresh on demand."""

from __future__ import annotations

import uuid

import asyncpg
import httpx
from fastapi import Request

from invoiceme_analytics.insights import repository as insights_repo
from invoiceme_analytics.insights.narrative import RequestBudget, narrator_from_settings
from invoiceme_analytics.insights.service import generate
from invoiceme_analytics.settings import AnalyticsSettings
from invoiceme_gateway.analytics.service import as_of_date
from invoiceme_gateway.domain_errors import NotFound
from invoiceme_gateway.insights.models import InsightList, InsightOut
from invoiceme_gateway.quotas import spend_llm_action
from invoiceme_gateway.state import GatewayState


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
        raise NotFound("no such insight")
    return InsightOut(**dict(row))


async def list_insights(state: GatewayState, tenant_id: uuid.UUID, include_dismissed: bool) -> InsightList:
    rows = await insights_repo.list_insights(state.pool, tenant_id, include_dismissed)
    return InsightList(items=[_out(row) for row in rows])


async def mark(state: GatewayState, tenant_id: uuid.UUID, insight_id: uuid.UUID, column: str) -> InsightOut:
    return _out(await insights_repo.mark(state.pool, tenant_id, insight_id, column))


async def refresh(
    state: GatewayState, request: Request, tenant_id: uuid.UUID, month: str | None, language: str | None
) -> int:
    """Changed or new findings get a fresh narrative in `language`; unchanged ones keep theirs."""
    await spend_llm_action(state, tenant_id)  # narratives may come from a remote LLM
    settings = analytics_settings(request)
    async with httpx.AsyncClient() as client:
        narrator = narrator_from_settings(settings, client, llm_budget(request, settings))
        return await generate(
            state.pool,
            narrator,
            tenant_id,
            as_of_date(month),
            language or settings.insights_language,
            renarrate=language is not None,
        )
