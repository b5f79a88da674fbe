"""Overall and per-business figures from facts (pure)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from invoiceme_common.analytics_read.figures import (
    business_figures,
    last_months,
    month_totals,
    overall_figures,
    shift_month,
)
from invoiceme_common.analytics_read.read_model import (
    BusinessRow,
    BusinessSpend,
    CurrencyTotals,
    FactRow,
    MonthTotals,
    OverallTotals,
)

BIZ = BusinessRow(uuid.uuid4(), "Bezeq", Decimal("100"))


def fact(
    day: str, amount: str, business: uuid.UUID | None = BIZ.id, currency: str = "ILS", base: str | None = None
) -> FactRow:
    d = date.fromisoformat(day)
    return FactRow(
        uuid.uuid4(),
        business,
        "v",
        d,
        d.strftime("%Y-%m"),
        "tax_invoice",
        None,
        currency,
        Decimal(amount),
        Decimal(base or amount),
        None,
        None,
        None,
        None,
        Decimal("0"),
        None,
    )


class TestMonths:
    def test_month_arithmetic(self):
        assert shift_month("2026-01", -1) == "2025-12" and shift_month("2025-12", 1) == "2026-01"
        assert last_months(date(2026, 3, 15), 3) == ["2026-01", "2026-02", "2026-03"]


class TestBusinessFigures:
    """Monthly average spans from the first month with data to now, empty months counting as zero."""

    def test_true_average_and_utilization(self):
        rows = [fact("2026-01-05", "120"), fact("2026-03-01", "60"), fact("2026-03-20", "30")]
        body = business_figures(month_totals(rows), BIZ, date(2026, 4, 10), "ILS")
        assert body["average_months"] == 4  # Jan..Apr
        assert body["monthly_average"] == Decimal("52.50")
        assert body["spend_this_month"] == 0 and body["utilization_percent"] == 0.0
        assert body["year_to_date"] == Decimal("210")
        assert body["available_periods"] == ["2026-03", "2026-01"]
        march = business_figures(month_totals(rows), BIZ, date(2026, 3, 31), "ILS")
        assert march["utilization_percent"] == 90.0


class TestOverall:
    """Overall figures from the SQL totals: change, budgets, top businesses, the 12-month series."""

    def test_change_budget_unassigned_and_unconverted(self):
        # Feb: 100 (Bezeq); Mar: 150 (Bezeq), 50 unassigned, and 9 JPY unassigned with no rate.
        totals = OverallTotals(
            invoice_count=4,
            unassigned_count=2,
            unconverted_count=1,
            by_currency=[
                CurrencyTotals("ILS", 3, Decimal("300"), Decimal("300")),
                CurrencyTotals("JPY", 1, Decimal("9"), Decimal("0")),
            ],
            months={
                "2026-02": MonthTotals(Decimal("100"), 1, Decimal("0")),
                "2026-03": MonthTotals(Decimal("200"), 3, Decimal("12")),
            },
            businesses={BIZ.id: BusinessSpend(Decimal("250"), Decimal("150"))},
        )
        body = overall_figures(totals, {BIZ.id: BIZ}, date(2026, 3, 31), "ILS")
        assert body["spend_this_month"] == Decimal("200") and body["spend_last_month"] == Decimal("100")
        assert body["change_percent"] == 100.0 and body["count_this_month"] == 3
        assert body["unassigned_count"] == 2 and body["unconverted_count"] == 1
        assert body["budget_remaining"] == Decimal("-50") and body["total_budgets"] == Decimal("100")
        assert body["top_businesses"] == [{"business_id": BIZ.id, "name": "Bezeq", "spend": Decimal("250")}]
        assert [point["month"] for point in body["series"]] == last_months(date(2026, 3, 31))
        assert body["series"][0] == {"month": "2025-04", "spend": 0, "count": 0, "reclaimable_vat": 0}
        assert body["reclaimable_vat_12_months"] == Decimal("12")
        assert body["by_currency"][1] == {"currency": "JPY", "count": 1, "total": 9, "base_total": 0}

    def test_top_businesses_by_spend_then_id(self):
        ids = sorted(uuid.uuid4() for _ in range(7))
        spends = {bid: BusinessSpend(Decimal(10 * (i % 3)), Decimal(0)) for i, bid in enumerate(ids)}
        totals = OverallTotals(0, 0, 0, [], {}, spends)
        top = overall_figures(totals, {}, date(2026, 3, 31), "ILS")["top_businesses"]
        assert [entry["business_id"] for entry in top] == [ids[2], ids[5], ids[1], ids[4], ids[0]]
