"""Amounts rebuilt at a rate (`rate_repair`) must keep the total a strong label prints ('Total
Rounded 26.60'): items' rows that happen to agree at some rate (10.00 + 1.00 = 11.00 at 10 %) are no
repair of it, though the rows count as plain totals ('QTY ITEM TOTAL' heads their column)."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.rate_repair import repaired_by_rate


def _row(text: str, index: int) -> tuple[float, str, Line]:
    amount = text.split()[-1]
    return float(amount), amount, Line(text, 1, index)


def test_item_rows_agreeing_at_a_rate_do_not_replace_the_strong_total() -> None:
    items = [_row("2 ChicMcMuffin 11.00", 1), _row("1 M Porridge 5.60", 2), _row("1 BM 2HotCakes 10.00", 3)]
    takeout, rounded = _row("TakeOut Total (incl GST) 26.60", 4), _row("Total Rounded 26.60", 5)
    found = {"total_plain": [*items, takeout], "total_strong": [takeout, rounded]}
    result: dict[str, Found | None] = {"subtotal": None, "vat_amount": None, "total": Found(*rounded, 0.8)}
    assert repaired_by_rate(result, found)["total"] == result["total"]
