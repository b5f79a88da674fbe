"""A total whose currency sign OCR read as a digit ('16,675.00' for ₪6,675.00) is repaired when the
line items add up to it without that digit and no net or VAT was read."""

from __future__ import annotations

from invoiceme_extractor.rules.items_totals import total_sign_by_items
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Found, Line


def _total(value: float, raw: str, confidence: float = 0.9) -> Found:
    cell = Cell(text=raw, box=Box(0, 0, 200, 30), font=20, confidence=confidence)
    return Found(value, raw, Line(raw, 1, 10, cell.box, (cell,)), 0.77)


class TestTotalSignByItems:
    def test_the_sign_read_as_one_is_dropped(self) -> None:
        repaired = total_sign_by_items({"total": _total(16675.0, "16,675.00")}, [6675.0])
        assert repaired is not None and repaired.value == 6675.0 and repaired.confidence < 0.77

    def test_a_total_the_items_already_make_or_do_not_make_is_kept(self) -> None:
        total = _total(16675.0, "16,675.00")
        assert total_sign_by_items({"total": total}, [10000.0, 6675.0]) is total
        assert total_sign_by_items({"total": total}, [6600.0]) is total

    def test_a_text_layer_total_or_one_beside_a_net_is_kept(self) -> None:
        printed = _total(16675.0, "16,675.00", confidence=1.0)
        assert total_sign_by_items({"total": printed}, [6675.0]) is printed
        total = _total(16675.0, "16,675.00")
        net = Found(6675.0, "6,675.00", total.line, 0.8)
        assert total_sign_by_items({"total": total, "subtotal": net}, [6675.0]) is total
