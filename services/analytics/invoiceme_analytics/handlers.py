"""Analytics hops: saved / deleted invoices and tenant settings -> the projection (idempotent);
requests for fresh insights -> insights."""

from __future__ import annotations

import uuid

from invoiceme_common.events import (
    InsightsRefreshRequested,
    InvoiceDeleted,
    InvoiceSaved,
    TenantSettingsChanged,
)
from invoiceme_common.logging import get_logger

from . import repository
from .facts import parse_invoice
from .insights.service import generate, refresh_if_due
from .ports import AnalyticsDeps
from .pricing import price_for_tenant, reprice_tenant

log = get_logger(__name__)
_BASE_CURRENCIES_KEPT = 10_000  # ctx.base_currencies is forgotten all at once when this full


async def _refresh_if_due(
    ctx: AnalyticsDeps, tenant_id: uuid.UUID, force: bool = False, changes: int | None = None
) -> None:
    settings = ctx.settings
    await refresh_if_due(
        ctx.pool,
        ctx.narrator,
        tenant_id,
        settings.insights_change_threshold,
        settings.insights_language,
        force,
        changes,
    )


async def on_invoice_saved(event: InvoiceSaved, ctx: AnalyticsDeps) -> None:
    invoice = parse_invoice(
        event.fields,
        event.business_id,
        event.status,
        event.occurred_at,
        event.vendor_name,
        event.invoice_date,
        event.currency,
        event.total,
    )
    pool = ctx.pool
    for attempt in range(3):
        # The tenant's base currency as last seen saves a query per invoice: the projection's write
        # checks it under a lock, and a changed one is read again (the retry below).
        known_base = ctx.base_currencies.get(event.tenant_id) if attempt == 0 else None
        fact = await price_for_tenant(
            pool, ctx.rates, event.tenant_id, invoice, ctx.settings.fx_max_age_days, known_base
        )
        try:
            changes = await repository.apply_saved(
                pool,
                event.tenant_id,
                event.invoice_id,
                event.event_id,
                event.extraction_version,
                fact,
                replay=event.replay,  # `invoiceme replay --stage analytics`: same version replaces too
            )
            break
        except repository.BaseCurrencyChanged:
            ctx.base_currencies.pop(event.tenant_id, None)
            if attempt == 2:
                raise
    if fact.base_currency:
        if len(ctx.base_currencies) >= _BASE_CURRENCIES_KEPT:
            ctx.base_currencies.clear()
        ctx.base_currencies[event.tenant_id] = fact.base_currency
    applied = changes is not None
    log.info("facts_updated" if applied else "event_already_applied", version=event.extraction_version)
    if applied:
        await _refresh_if_due(ctx, event.tenant_id, changes=changes)


async def on_invoice_deleted(event: InvoiceDeleted, ctx: AnalyticsDeps) -> None:
    changes = await repository.apply_deleted(
        ctx.pool, event.tenant_id, event.invoice_id, event.event_id, event.extraction_version
    )
    applied = changes is not None
    log.info("facts_removed" if applied else "event_already_applied", version=event.extraction_version)
    if applied:
        await _refresh_if_due(ctx, event.tenant_id, changes=changes)


async def on_tenant_settings_changed(event: TenantSettingsChanged, ctx: AnalyticsDeps) -> None:
    # Re-pricing reads the tenant's current base currency, so a redelivered or stale event is harmless.
    changed = await reprice_tenant(ctx.pool, ctx.rates, event.tenant_id, ctx.settings.fx_max_age_days)
    log.info("tenant_repriced", invoices=changed)
    if changed:
        await _refresh_if_due(ctx, event.tenant_id, force=True)


async def on_insights_refresh_requested(event: InsightsRefreshRequested, ctx: AnalyticsDeps) -> None:
    """Re-run every detector; with a language given, every finding is worded again in it."""
    language = event.language or ctx.settings.insights_language
    current = await generate(
        ctx.pool, ctx.narrator, event.tenant_id, event.as_of, language, renarrate=event.language is not None
    )
    log.info("insights_refreshed_on_request", current=current)
