"""Each insight detector on small hand-made facts."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

from invoiceme_analytics.insights import detectors
from invoiceme_common.analytics_read.read_model import BusinessRow, FactRow

A = BusinessRow(uuid.uuid4(), "Netflix", Decimal("100"))
B = BusinessRow(uuid.uuid4(), "Electric", None)
BUSINESSES = {A.id: A, B.id: B}


def fact(
    day: date,
    amount: str,
    business=A.id,
    number=None,
    doc="tax_invoice",
    subtotal=None,
    vat=None,
    before_vat_ils=None,
    allocation=None,
) -> FactRow:
    return FactRow(
        uuid.uuid4(),
        business,
        "vendor",
        day,
        day.strftime("%Y-%m"),
        doc,
        number,
        "ILS",
        Decimal(amount),
        Decimal(amount),
        subtotal,
        vat,
        allocation,
        before_vat_ils,
        Decimal(0),
        None,
    )


class TestDetectors:
    def test_month_over_month_names_the_top_mover(self):
        rows = [
            fact(date(2026, 2, 1), "100", B.id),
            fact(date(2026, 3, 1), "100", B.id),
            fact(date(2026, 3, 2), "80", A.id),
        ]
        (found,) = detectors.month_over_month(rows, BUSINESSES, date(2026, 3, 20), "ILS")
        assert found.data["change_percent"] == "+80.0" and found.data["top_mover"] == "Netflix"

    def test_recurring_charge(self):
        start = date(2026, 1, 5)
        rows = [
            fact(start + timedelta(days=30 * i), amount) for i, amount in enumerate(["49.90", "49.90", "52"])
        ]
        (found,) = detectors.recurring_charges(rows, BUSINESSES, "ILS")
        assert found.data["every_days"] == "30" and found.data["next_expected"] == "2026-04-05"
        copy = fact(rows[1].invoice_date, "49.90", number="n1")
        with_copy = [*rows[:1], fact(rows[1].invoice_date, "49.90", number="n1"), copy, rows[2]]
        assert (
            len(detectors.recurring_charges(with_copy, BUSINESSES, "ILS")) == 1
        )  # a re-sent copy is ignored
        irregular = [*rows[:2], fact(start + timedelta(days=200), "49.90")]
        assert detectors.recurring_charges(irregular, BUSINESSES, "ILS") == []

    def test_spike(self):
        rows = [fact(date(2026, 1, d), "100", B.id) for d in (1, 10, 20)] + [
            fact(date(2026, 3, 1), "450", B.id)
        ]
        (found,) = detectors.spikes(rows, BUSINESSES, date(2026, 3, 5), "ILS")
        assert found.data["usual"] == "100.00" and found.data["times"] == "4.5"

    def test_duplicates_by_number_or_amount_and_date(self):
        rows = [
            fact(date(2026, 3, 1), "10", number="77"),
            fact(date(2026, 3, 9), "12", number="77"),
            fact(date(2026, 3, 2), "55", B.id),
            fact(date(2026, 3, 2), "55", B.id),
            fact(date(2026, 3, 3), "55", B.id),
        ]
        found = detectors.possible_duplicates(rows, BUSINESSES)
        assert sorted(len(f.invoice_ids) for f in found) == [2, 2]

    def test_budget_overrun_and_forecast(self):
        over = detectors.budget_alerts([fact(date(2026, 3, 2), "120")], BUSINESSES, date(2026, 3, 10), "ILS")
        assert [f.kind for f in over] == ["budget_overrun"]
        pace = detectors.budget_alerts([fact(date(2026, 3, 2), "60")], BUSINESSES, date(2026, 3, 10), "ILS")
        assert [f.kind for f in pace] == ["budget_forecast"] and pace[0].data["forecast"] == "186.00"
        assert (
            detectors.budget_alerts([fact(date(2026, 3, 2), "10")], BUSINESSES, date(2026, 3, 10), "ILS")
            == []
        )

    def test_missing_allocation_number(self):
        day = date(2026, 7, 1)
        rows = [
            fact(day, "7080", before_vat_ils=Decimal("6000"), vat=Decimal("1080")),
            fact(day, "7080", before_vat_ils=Decimal("6000"), allocation="123456789"),
            fact(day, "7080", doc="receipt", before_vat_ils=Decimal("6000")),
        ]
        (found,) = detectors.missing_allocation_numbers(rows, BUSINESSES)
        assert found.data["threshold"] == "5000.00" and found.data["vat"] == "1080.00"

    def test_vat_that_does_not_add_up(self):
        rows = [
            fact(date(2026, 3, 1), "118", subtotal=Decimal("100"), vat=Decimal("18")),
            fact(date(2026, 3, 1), "130", subtotal=Decimal("100"), vat=Decimal("18")),
        ]
        (found,) = detectors.vat_mismatches(rows, BUSINESSES)
        assert found.data["difference"] == "12.00"

    def test_vat_not_at_the_rate_in_force(self):
        rows = [
            fact(date(2025, 3, 1), "118", subtotal=Decimal("100"), vat=Decimal("18")),
            fact(date(2025, 3, 1), "117", subtotal=Decimal("100"), vat=Decimal("17")),  # old 17 % after 2025
            fact(date(2024, 6, 1), "117", subtotal=Decimal("100"), vat=Decimal("17")),
            fact(date(2025, 3, 1), "100", subtotal=Decimal("100"), vat=Decimal("0")),  # exempt
        ]
        (found,) = detectors.vat_rate_mismatches(rows, BUSINESSES)
        assert (found.data["rate"], found.data["expected_vat"]) == ("18", "18.00")

    def test_detect_all_is_deterministic(self):
        rows = [fact(date(2026, 3, 2), "120"), fact(date(2026, 3, 2), "120")]
        first = detectors.detect_all(rows, BUSINESSES, date(2026, 3, 10), "ILS")
        assert first == detectors.detect_all(rows, BUSINESSES, date(2026, 3, 10), "ILS")
