"""A till slip whose parts add up only through its cash rounding and one misread digit ('Tax (23%)
2.78' for 2.70 over 'ROUNDING (8.04)' and 'TOTAL 14.40', a photo): the VAT is repaired to what the
rounding and the total (the cash tendered less the change) agree on, said less surely than parts
read as printed; a total is never repaired that way (the rounding moves the printed one)."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_agreement import consistent_triple
from invoiceme_extractor.rules.cash_rounding import rounding_confidence, triple_with_rounding
from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.totals import find_totals

from .wordbox import ocr_page, ocr_words


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestRoundingWithMisreadVat:
    def test_the_vat_is_repaired_through_the_rounding(self) -> None:
        lines = _lines("Sub-total 11.74", "Tax (23%) 2.78", "ROUNDING (8.04)", "TOTAL 14.40 €")
        found = {
            "subtotal": [(11.74, "11.74", lines[0])],
            "vat": [(2.78, "2.78", lines[1])],
            "total_plain": [(14.4, "14.40", lines[3])],
        }
        trio = triple_with_rounding(found, lines, consistent_triple)
        assert trio is not None and [part[0] for part in trio] == [11.74, 2.7, 14.4]
        assert rounding_confidence(trio, lines) < 0.9

    def test_the_totals_read_it(self) -> None:
        rows = (
            ("Sub-total", "11.74"),
            ("Tax (23%)", "2.78"),
            ("ROUNDING", "(8.04)"),
            ("TOTAL", "14.40 €"),
            ("TENDERED", "50.00"),
            ("Change due", "35.60"),
        )
        words = []
        for index, (label, amount) in enumerate(rows):
            words += ocr_words(label, 20, 600 + 30 * index, index) + ocr_words(
                amount, 340, 600 + 30 * index, index
            )
        lines = document_lines([ocr_page(words)])
        totals = find_totals(lines)
        assert totals.vat_amount is not None and totals.vat_amount.value == 2.7
        assert totals.total is not None and totals.total.value == 14.4
        assert totals.vat_amount.confidence < 0.9
