"""A receipt's payments table whose header row OCR read with a speck as a digit ("7 מס'צק" for
"מס' צ'ק"): still a row of column names, so the date under its Date column is a payment's, not the
document's ('ת. חשבונית: 28/08/25' in the header, its 'ת.' read as 'a', is)."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates, table_header_row
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words

_COLUMNS = (
    ("Method", 100),
    ("Bank", 350),
    ("Branch", 500),
    ("7 Cheque No.", 700),
    ("Date", 950),
    ("Amount", 1200),
)


def _page(columns: tuple[tuple[str, int], ...]):  # type: ignore[no-untyped-def]
    words = ocr_words("Harbor Trading Ltd", 100, 100, 0) + ocr_words("a Invoice: 28/08/25", 900, 160, 1)
    for text, left in columns:
        words += ocr_words(text, left, 400, 2)
    for text, left in (("Bank transfer", 100), ("27/10/25", 950), ("26,051.64", 1200)):
        words += ocr_words(text, left, 440, 3)
    return document_lines([ocr_page(words)])


class TestPaymentHeaderSpeckDigit:
    def test_a_speck_digit_leaves_a_header_row(self) -> None:
        lines = _page(_COLUMNS)
        assert table_header_row(lines[2])
        assert not table_header_row(lines[3])

    def test_the_payment_date_is_not_the_documents(self) -> None:
        issued, _ = find_dates(_page(_COLUMNS), month_first=False)
        assert issued is not None and issued.value == "2025-08-28"
