"""'Tax 15% on $ 112.90 | $ 16.94', 'TVA 20 % sur 46,68 9,34': the base the rate applies to, printed in
the tax's label after the rate, is not the tax; the amount after it is."""

from __future__ import annotations

from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line, document_lines


def _row(index: int, *cells: tuple[str, int, int]) -> Line:
    top = 100 + 30 * index
    boxed = tuple(Cell(text, Box(left, top, right, top + 20), 20.0, 0.95) for text, left, right in cells)
    box = Box(boxed[0].box.left, top, boxed[-1].box.right, top + 20)
    return Line(" ".join(cell.text for cell in boxed), 1, index, box, boxed)


def _vat_amounts(lines: list[Line]) -> list[float]:
    return [amount for amount, _, _ in candidates(lines).get("vat", [])]


class TestRateBaseInTaxLabel:
    def test_cells_of_a_word_box_page(self) -> None:
        lines = [
            _row(0, ("Subtotal", 900, 1000), ("$ 262.90", 1300, 1400)),
            _row(1, ("Tax 15% on $ 112.90", 900, 1150), ("$ 16.94", 1300, 1400)),
            _row(2, ("Total", 900, 980), ("$ 279.84", 1300, 1400)),
        ]
        assert _vat_amounts(lines) == [16.94]

    def test_plain_text_lines(self) -> None:
        lines = document_lines([(1, "Total HT 46,68 €\nTVA 20 % sur 46,68 € 9,34 €\nTotal TTC 56,02 €\n")])
        assert _vat_amounts(lines) == [9.34]
