"""Generating a tenant's insights: detect over current facts, narrate only what is new or changed."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import asyncpg

from invoiceme_common.analytics_read import read_model
from invoiceme_common.logging import get_logger

from . import repository
from .detectors import detect_all
from .narrative import Narrator

log = get_logger(__name__)


async def generate(
    pool: asyncpg.Pool,
    narrator: Narrator,
    tenant_id: uuid.UUID,
    as_of: date | None = None,
    language: str = "en",
    renarrate: bool = False,
) -> int:
    """Re-run every detector for the tenant; returns how many insights are current."""
    as_of = as_of or datetime.now(UTC).date()
    observed = await repository.changes_since(pool, tenant_id)
    facts_read_at = await pool.fetchval("SELECT clock_timestamp()")  # the database's clock, as the gateway's
    rows = await read_model.load_facts(pool, tenant_id)
    businesses = await read_model.load_businesses(pool, tenant_id)
    currency = await read_model.base_currency(pool, tenant_id)
    found = detect_all(rows, businesses, as_of, currency)
    async with pool.acquire() as conn:
        known = await repository.known_fingerprints(conn, tenant_id)
    # Narrate outside the transaction: an LLM call may take seconds.
    narrated = []
    for insight in found:
        if not renarrate and known.get(insight.fingerprint) == insight.data:
            continue  # unchanged: keep its narrative and state
        narrated.append((insight, *await narrator.narrate(insight, language)))
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 1))", str(tenant_id))
        for insight, text, source in narrated:
            await repository.save(conn, tenant_id, insight, text, source)
        await repository.drop_resolved(conn, tenant_id, [insight.fingerprint for insight in found])
        await repository.reset_changes(conn, tenant_id, observed, facts_read_at)
    log.info("insights_generated", current=len(found), narrated=len(narrated))
    return len(found)


async def refresh_if_due(
    pool: asyncpg.Pool,
    narrator: Narrator,
    tenant_id: uuid.UUID,
    threshold: int,
    language: str,
    force: bool = False,
    changes: int | None = None,
) -> None:
    """Regenerate when `threshold` invoices changed since the last run ("data changed enough").
    `changes`: that count when the caller already has it (the projection's write returns it)."""
    try:
        if not force and changes is None:
            changes = await repository.changes_since(pool, tenant_id)
        if force or (changes is not None and changes >= threshold):
            await generate(pool, narrator, tenant_id, language=language)
    except Exception:
        # The projection is already committed; insights catch up on the next change or refresh.
        log.exception("insights_generation_failed")


async def sweep(pool: asyncpg.Pool, narrator: Narrator, language: str) -> int:
    """Regenerate insights of every tenant with changes not yet reflected (below the threshold, or
    whose last generation failed), so a quiet tenant's insights do not stay stale."""
    tenants = await repository.tenants_with_changes(pool)
    for tenant_id in tenants:
        try:
            await generate(pool, narrator, tenant_id, language=language)
        except Exception:
            log.exception("insights_sweep_failed", tenant_id=str(tenant_id))
    return len(tenants)
