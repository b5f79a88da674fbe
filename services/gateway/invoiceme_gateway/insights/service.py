"""Insight use cases: list (with the user's marks), mark read or dismissed, ask for a refresh.

The analytics service owns the findings and words them (maybe with an LLM): the gateway only reads
them through invoiceme_common.analytics_read and queues a refresh command; no LLM in a request.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

import asyncpg

from invoiceme_common import outbox
from invoiceme_common.analytics_read import insights as findings
from invoiceme_common.events import InsightsRefreshRequested
from invoiceme_gateway.domain_errors import NotFound
from invoiceme_gateway.insights import repository
from invoiceme_gateway.insights.models import InsightList, InsightOut
from invoiceme_gateway.quotas import spend_llm_action
from invoiceme_gateway.state import GatewayState


def _out(finding: asyncpg.Record, marks: Any) -> InsightOut:
    return InsightOut(
        **{key: finding[key] for key in finding.keys() if key not in ("fingerprint", "matching")},
        read_at=marks["read_at"] if marks else None,
        dismissed_at=marks["dismissed_at"] if marks else None,
    )


async def list_insights(
    state: GatewayState, tenant_id: uuid.UUID, include_dismissed: bool, limit: int, offset: int
) -> InsightList:
    marks = await repository.marks(state.pool, tenant_id)
    hidden = [] if include_dismissed else [key for key, mark in marks.items() if mark["dismissed_at"]]
    rows, total = await findings.insights_page(state.pool, tenant_id, hidden, limit, offset)
    return InsightList(
        items=[_out(row, marks.get(row["fingerprint"])) for row in rows],
        total=total,
        generated_at=await findings.generated_at(state.pool, tenant_id),
    )


async def get(state: GatewayState, tenant_id: uuid.UUID, insight_id: uuid.UUID) -> InsightOut:
    finding = await findings.insight(state.pool, tenant_id, insight_id)
    if finding is None:
        raise NotFound("no such insight")
    marks = (await repository.marks(state.pool, tenant_id)).get(finding["fingerprint"])
    return _out(finding, marks)


async def mark(state: GatewayState, tenant_id: uuid.UUID, insight_id: uuid.UUID, column: str) -> InsightOut:
    finding = await findings.insight(state.pool, tenant_id, insight_id)
    if finding is None:
        raise NotFound("no such insight")
    return _out(finding, await repository.mark(state.pool, tenant_id, finding["fingerprint"], column))


async def request_refresh(
    state: GatewayState, tenant_id: uuid.UUID, as_of: date | None, language: Literal["en", "he"] | None
) -> datetime:
    """Queue the command in a transaction of its own (the outbox relay publishes it); returns the
    database's clock at that moment, which the insights list's `generated_at` is compared with."""
    await spend_llm_action(state, tenant_id)  # narratives may come from a remote LLM (429 past the quota)
    event = InsightsRefreshRequested(tenant_id=tenant_id, as_of=as_of, language=language)
    topology = state.topology
    async with state.pool.acquire() as conn, conn.transaction():
        await outbox.add(conn, event, topology.insights_refresh_requested, topology.stream)
        requested_at: datetime = await conn.fetchval("SELECT clock_timestamp()")
    return requested_at
