"""The overall figures read only the businesses they show (the budgeted ones and the top spenders),
and say exactly what they say with all of the tenant's businesses at hand."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from invoiceme_common.analytics_read import figures, read_model

from .support import create_business, create_tenant

AS_OF = date(2026, 10, 31)


async def _fact(db, tenant_id: uuid.UUID, business_id: uuid.UUID, month: str, total: Decimal) -> None:
    await db.execute(
        """INSERT INTO analytics_invoice_facts (invoice_id, tenant_id, extraction_version, last_event_id,
                                                vendor, month, currency, total, business_id, base_total)
           VALUES ($1, $2, 1, $3, 'v', $4, 'ILS', $5, $6, $5)""",
        uuid.uuid4(),
        tenant_id,
        uuid.uuid4(),
        month,
        total,
        business_id,
    )


class TestOverallReadsWhatItShows:
    """Budgets and top spenders come out the same from the few businesses read as from all of them."""

    async def test_same_figures_as_with_every_business(self, db):
        tenant_id = await create_tenant(db)
        budgeted = [await create_business(db, tenant_id, f"Budget {n}", Decimal(500)) for n in range(2)]
        plain = [await create_business(db, tenant_id, f"Plain {n}") for n in range(9)]
        for rank, business_id in enumerate(budgeted + plain):  # the budgeted ones spend least
            await _fact(db, tenant_id, business_id, "2026-10", Decimal(100 + 10 * rank))
            await _fact(db, tenant_id, business_id, "2026-03", Decimal(7))
        totals = await read_model.overall_totals(db, tenant_id, figures.last_months(AS_OF))
        shown = [business_id for business_id, _ in figures.top_spenders(totals)]
        few = await read_model.load_businesses(db, tenant_id, budgeted_and=shown)
        every = await read_model.load_businesses(db, tenant_id)
        assert len(few) < len(every)
        with_few = figures.overall_figures(totals, few, AS_OF, "ILS")
        assert with_few == figures.overall_figures(totals, every, AS_OF, "ILS")
        assert with_few["total_budgets"] == Decimal(1000)
        assert all(top["name"] for top in with_few["top_businesses"])
