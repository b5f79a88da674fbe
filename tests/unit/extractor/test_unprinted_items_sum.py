"""A page whose totals block OCR lost (no net or VAT label read, no amount off the item rows): the
line items' sum is the total, as a low-confidence guess; not where a net or VAT label is read."""

from __future__ import annotations

from invoiceme_extractor.rules.items_totals import total_from_items
from invoiceme_extractor.rules.lines import Found, Line


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestUnprintedItemsSum:
    def test_the_sum_as_a_guess(self) -> None:
        lines = _lines(
            "CASH RECEIPT", "Monthly maintenance 1,652.21 3,304.42", "Coffee 86.00 86.00", "Thanks"
        )
        found: dict[str, Found | None] = {}
        total_from_items(found, [3304.42, 86.0], lines)
        total = found["total"]
        assert total is not None and total.value == 3390.42 and total.confidence < 0.5

    def test_a_total_label_whose_amount_was_lost(self) -> None:
        lines = _lines("Monthly maintenance 1,652.21 3,304.42", "Coffee 86.00 86.00", 'סה"יכ לתשלום 64')
        found: dict[str, Found | None] = {}
        total_from_items(found, [3304.42, 86.0], lines)
        total = found["total"]
        assert total is not None and total.value == 3390.42

    def test_not_where_a_vat_or_net_label_is_read(self) -> None:
        lines = _lines("Monthly maintenance 1,652.21 3,304.42", "Coffee 86.00 86.00", "VAT 17%")
        found: dict[str, Found | None] = {}
        total_from_items(found, [3304.42, 86.0], lines)
        assert found.get("total") is None

    def test_not_where_money_off_the_items_is_printed(self) -> None:
        lines = _lines("Monthly maintenance 1,652.21 3,304.42", "Coffee 86.00 86.00", "Grand Tots", "67.72")
        found: dict[str, Found | None] = {}
        total_from_items(found, [3304.42, 86.0], lines)
        assert found.get("total") is None
