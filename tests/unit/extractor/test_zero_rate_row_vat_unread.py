"""A VAT table's 0 % row whose VAT OCR could not read ('0% | 44,151.80 | .0.00 | 44,151.80') is
still a row of the table: the page's net and VAT are the rows' sums, not one row's amounts."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.vat_table import rate_row, vat_summary


def _lines(texts: list[str]) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def test_zero_rate_row_with_its_vat_unread() -> None:
    row = rate_row(Line("0% 44,151.80 .0.00 44,151.80", 1, 0))
    assert row is not None and (row.net, row.vat, row.gross) == (44151.8, 0.0, 44151.8)
    assert rate_row(Line("0% 44,151.80 .0.00 4,151.80", 1, 0)) is None


def test_the_table_sums_both_rows() -> None:
    summary = vat_summary(
        _lines(
            [
                'שיעור מע"מ לפני מע"מ מע"מ כולל מע"מ',
                "18% 7,229.57 1,301.32 8,530.89",
                "0% 44,151.80 .0.00 44,151.80",
                'סה"כ 51,381.37 1,301.32 52,682.69',
            ]
        )
    )
    assert summary is not None and (summary.net, summary.vat, summary.gross) == (51381.37, 1301.32, 52682.69)
