"""A till slip's tax summary row ('74.89 13.48', 18 % to the cent) is the net and VAT of a total a
cash rounding moved by a coin or less, when OCR garbled the rounding's label."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.receipt_totals import parts_from_summary


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestSummaryRowCashRounded:
    def test_the_row_gives_the_parts_of_the_rounded_total(self) -> None:
        lines = _lines("עשינול אגנורות 0.03", 'סה"כ כולל מע"מ 88.40', 'פירוט מע"מ סכום', "18% 74.89 13.48")
        parts = parts_from_summary(lines, Found(88.4, "88.40", lines[1], 0.8))
        assert parts is not None
        assert (parts[0].value, parts[1].value) == (74.89, 13.48)

    def test_a_row_off_its_rate_or_beyond_a_coin_gives_nothing(self) -> None:
        lines = _lines('סה"כ כולל מע"מ 88.40', "18% 74.89 13.47")  # 13.47 is no 18 % of 74.89 to the cent
        assert parts_from_summary(lines, Found(88.4, "88.40", lines[0], 0.8)) is None
        lines = _lines('סה"כ כולל מע"מ 88.50', "18% 74.89 13.48")  # 0.13 from the row's sum
        assert parts_from_summary(lines, Found(88.5, "88.50", lines[0], 0.8)) is None
