"""Pure money rules: rates by date, conversion, allocation thresholds and deductible VAT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from invoiceme_common.money import (
    RateTable,
    allocation_threshold,
    convert,
    load_bundled_rates,
    reclaimable_vat,
    staleness_warning,
)

TABLE = RateTable(
    "EUR",
    {
        "ILS": [(date(2025, 1, 2), Decimal("3.8")), (date(2025, 1, 3), Decimal("4.0"))],
        "USD": [(date(2025, 1, 2), Decimal("1.0")), (date(2025, 1, 3), Decimal("1.05"))],
    },
    "t",
)


class TestRates:
    """The rate used is the latest on or before the invoice date, crossed through the pivot."""

    def test_cross_rate_of_the_date(self):
        assert TABLE.rate("USD", "ILS", date(2025, 1, 2)).value == Decimal("3.8")
        weekend = TABLE.rate("USD", "ILS", date(2025, 1, 5))
        assert weekend.rate_date == date(2025, 1, 3) and weekend.value == Decimal("3.80952381")
        assert TABLE.rate("EUR", "ILS", date(2025, 1, 3)).value == Decimal("4.0")
        assert TABLE.rate("USD", "ILS", date(2024, 12, 31)) is None
        assert TABLE.rate("JPY", "ILS", date(2025, 1, 3)) is None

    def test_bundled_file_covers_2023_to_2026(self):
        table = load_bundled_rates()
        for currency in ("USD", "EUR", "GBP"):
            assert table.rate(currency, "ILS", date(2023, 1, 2)) is not None
            assert table.rate(currency, "ILS", date(2026, 10, 30)).rate_date == date(2026, 10, 30)

    def test_conversion_and_staleness(self):
        rate = TABLE.rate("USD", "ILS", date(2025, 1, 3))
        assert convert(Decimal("10.00"), rate) == Decimal("38.10")
        assert convert(Decimal("10.00"), None) is None
        assert staleness_warning(rate, date(2025, 1, 5), 7) is None
        assert "2025-01-03" in staleness_warning(rate, date(2025, 2, 5), 7)


class TestVatReclaim:
    """Only tax invoices (and tax invoice-receipts) with a valid allocation number where required."""

    @pytest.mark.parametrize(
        ("day", "threshold"),
        [
            (date(2024, 5, 4), None),
            (date(2024, 5, 5), 25000),
            (date(2025, 1, 1), 20000),
            (date(2026, 1, 1), 10000),
            (date(2026, 5, 31), 10000),
            (date(2026, 6, 1), 5000),
        ],
    )
    def test_thresholds_by_date(self, day, threshold):
        assert allocation_threshold(day) == (Decimal(threshold) if threshold else None)

    def test_rules(self):
        day = date(2026, 7, 1)
        assert reclaimable_vat("tax_invoice", Decimal("90"), Decimal("500"), None, day).amount == Decimal(
            "90"
        )
        big = reclaimable_vat("tax_invoice", Decimal("1800"), Decimal("10000"), None, day)
        assert big.amount == 0 and "allocation number" in big.reason
        assert reclaimable_vat(
            "tax_invoice_receipt", Decimal("1800"), Decimal("10000"), "123456789", day
        ).amount == Decimal("1800")
        assert reclaimable_vat("tax_invoice", Decimal("1800"), Decimal("10000"), "12345", day).amount == 0
        assert reclaimable_vat("receipt", Decimal("18"), Decimal("100"), None, day).amount == 0
        assert reclaimable_vat("invoice", Decimal("18"), Decimal("100"), None, day).amount == 0
        before_rule = reclaimable_vat(
            "tax_invoice", Decimal("9000"), Decimal("50000"), None, date(2024, 1, 1)
        )
        assert before_rule.amount == Decimal("9000")


class TestParsing:
    """What an InvoiceSaved contributes: credit notes count negative; no date -> the save day's rate."""

    def test_credit_note_is_negative_and_undated_uses_save_day(self):
        from datetime import UTC, datetime

        from invoiceme_analytics.facts import parse_invoice, price_invoice

        saved_at = datetime(2025, 1, 3, 12, tzinfo=UTC)
        credit = parse_invoice(
            {"document_type": "credit_note", "total": 118, "vat_amount": 18},
            None,
            "x",
            saved_at,
            currency="USD",
        )
        assert credit.total == Decimal("-118.00") and credit.vat_amount == Decimal("-18.00")
        assert credit.rate_day == date(2025, 1, 3) and credit.month == "unknown"
        fact = price_invoice(credit, "ILS", TABLE.rate("USD", "ILS", credit.rate_day), None, 7)
        assert fact.base_total == Decimal("-449.52") and "no date" in fact.fx_warning
        assert fact.reclaimable_vat == 0
