"""The totals' labels lost on a photo ('Ba Due', a net label run into an item's row): an amount printed
on the page that is the items' sum plus a standard rate of it to the cent is the total, the sum the
subtotal, the difference the VAT."""

from __future__ import annotations

from invoiceme_extractor.rules.items_vat_total import total_at_items_rate
from invoiceme_extractor.rules.lines import Found, Line

_ITEMS = [77.30, 2697.00, 118.50, 4418.86, 32136.00]  # 39,447.66


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def _guessed(lines: list[Line]) -> dict[str, Found | None]:
    item = Found(4418.86, "4,418.86", lines[0], 0.4)  # an item's amount taken as net and total
    return {"subtotal": item, "vat_amount": None, "total": item}


class TestTotalAtItemsRate:
    def test_the_amount_at_a_rate_of_the_items_is_the_total(self) -> None:
        lines = _lines(
            "Software license 2 4,418.86 Net", "39 9h? 66", "vatibos", "7,989.53", "Ba Due", "47,337.19"
        )
        found = _guessed(lines)
        total_at_items_rate(found, list(_ITEMS), lines)
        values = [found[name].value if found[name] else None for name in ("subtotal", "vat_amount", "total")]
        assert values == [39447.66, 7889.53, 47337.19]
        assert all(found[name].confidence < 0.9 for name in ("subtotal", "vat_amount", "total"))  # type: ignore[union-attr]

    def test_no_amount_at_a_rate_changes_nothing(self) -> None:
        lines = _lines("Software license 2 4,418.86 Net", "Ba Due", "47,300.00")
        found = _guessed(lines)
        total_at_items_rate(found, list(_ITEMS), lines)
        assert found["total"] is not None and found["total"].value == 4418.86

    def test_a_read_total_is_kept(self) -> None:
        lines = _lines("Total 40,000.00", "47,337.19")
        total = Found(40000.0, "40,000.00", lines[0], 0.8)
        found: dict[str, Found | None] = {"subtotal": None, "vat_amount": None, "total": total}
        total_at_items_rate(found, list(_ITEMS), lines)
        assert found["total"] is total
