"""Issue and due dates whose labels OCR lost, read side by side ('12 בדצמבר 2025 | 127207 | 12 בנובמבר
2025 | שוטף + 30'): the pair a payment term the page prints apart is issue (the earlier) and due."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


def _dates_row(term: str) -> list[OcrWord]:
    # a right-to-left row, its cells placed left to right: the term, a code, a date, a number, a date
    return [
        *ocr_words(term, 100, 300, 1),
        *ocr_words("006", 400, 300, 1),
        *ocr_words("2025 בנובמבר 12", 600, 300, 1),
        *ocr_words("127207", 1000, 300, 1),
        *ocr_words("2025 בדצמבר 12", 1300, 300, 1),
    ]


def test_dates_a_printed_term_apart_are_issue_and_due() -> None:
    words = [*ocr_words("מקור - מס חשבונית", 1200, 200, 0), *_dates_row("30 + שוטף")]
    issued, due = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2025-11-12" and issued.confidence < 0.9
    assert due is not None and due.value == "2025-12-12"


def test_without_a_printed_term_the_first_date_read_stays_the_issue_date() -> None:
    words = [*ocr_words("מקור - מס חשבונית", 1200, 200, 0), *_dates_row("3,288.07 Net")]
    issued, due = find_dates(document_lines([ocr_page(words)]), month_first=False)
    assert issued is not None and issued.value == "2025-12-12"
    assert due is None
