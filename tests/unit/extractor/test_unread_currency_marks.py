"""A currency sign in a cell OCR all but guessed ('$58473.41' read at 0.01 confidence on a shekel
receipt) is no evidence of the currency; the same sign read surely is."""

from __future__ import annotations

from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.references import currency_cues


def _row(confidence: float) -> Line:
    label = Cell("Net Amount", Box(100, 500, 300, 520), 20.0, 0.95)
    amount = Cell("$58473.41", Box(800, 500, 950, 520), 20.0, confidence)
    return Line("Net Amount $58473.41", 1, 0, Box(100, 500, 950, 520), (label, amount))


class TestUnreadMarks:
    def test_a_sign_in_a_guessed_cell_counts_for_nothing(self) -> None:
        weights, _ = currency_cues([_row(0.01)], "en")
        assert "USD" not in weights

    def test_a_sign_read_surely_counts(self) -> None:
        weights, _ = currency_cues([_row(0.9)], "en")
        assert weights.get("USD", 0) > 0
