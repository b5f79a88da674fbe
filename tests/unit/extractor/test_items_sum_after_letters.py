"""The items' sum printed as the total with its currency sign read as letters glued to it
('Total incl. VAT RI18,211.64' for ₪18,211.64): the total is that sum."""

from __future__ import annotations

from invoiceme_extractor.rules.items_totals import total_from_items
from invoiceme_extractor.rules.lines import Found, Line


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestItemsSumAfterLetters:
    def test_a_total_glued_to_letters_is_the_items_sum(self) -> None:
        lines = _lines("Delivery 797.95", "Printer toner 95.00", "| Total incl. VAT RI18,211.64 |")
        found: dict[str, Found | None] = {"total": None, "subtotal": None, "vat_amount": None}
        total_from_items(found, [797.95, 95.0, 17318.69], lines)
        assert found["total"] is not None and found["total"].value == 18211.64

    def test_the_amount_under_a_total_label(self) -> None:
        lines = _lines("Grand Total", "w8,567.72")
        found: dict[str, Found | None] = {"total": None, "subtotal": None, "vat_amount": None}
        total_from_items(found, [8000.0, 567.72], lines)
        assert found["total"] is not None and found["total"].value == 8567.72

    def test_a_net_glued_to_letters_is_no_total(self) -> None:
        lines = _lines("Delivery 797.95", "Printer toner 95.00", "Subtotal RI892.95")
        found: dict[str, Found | None] = {"total": None, "subtotal": None, "vat_amount": None}
        total_from_items(found, [797.95, 95.0], lines)
        assert found["total"] is None
