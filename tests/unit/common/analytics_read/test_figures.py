"""Overall and per-business figures from facts (pure)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from invoiceme_common.analytics_read.figures import (
    business_figures,
    last_months,
    overall_figures,
    shift_month,
)
from invoiceme_common.analytics_read.read_model import BusinessRow, FactRow

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
        body = business_figures(rows, BIZ, date(2026, 4, 10), "ILS")
        assert body["average_months"] == 4  # Jan..Apr
        assert body["monthly_average"] == Decimal("52.50")
        assert body["spend_this_month"] == 0 and body["utilization_percent"] == 0.0
        assert body["year_to_date"] == Decimal("210")
        assert body["available_periods"] == ["2026-03", "2026-01"]
        march = business_figures(rows, BIZ, date(2026, 3, 31), "ILS")
        assert march["utilization_percent"] == 90.0


class TestOverall:
    def test_change_budget_unassigned_and_unconverted(self):
        rows = [
            fact("2026-02-03", "100"),
            fact("2026-03-03", "150"),
            fact("2026-03-04", "50", None),
            FactRow(
                uuid.uuid4(),
                None,
                "x",
                date(2026, 3, 5),
                "2026-03",
                None,
                None,
                "JPY",
                Decimal("9"),
                None,
                None,
                None,
                None,
                None,
                None,
                "no rate",
            ),
        ]
        body = overall_figures(rows, {BIZ.id: BIZ}, date(2026, 3, 31), "ILS")
        assert body["spend_this_month"] == Decimal("200") and body["spend_last_month"] == Decimal("100")
        assert body["change_percent"] == 100.0
        assert body["unassigned_count"] == 2 and body["unconverted_count"] == 1
        assert body["budget_remaining"] == Decimal("-50") and body["total_budgets"] == Decimal("100")
        assert body["top_businesses"] == [{"business_id": BIZ.id, "name": "Bezeq", "spend": Decimal("250")}]
