"""'הודפס בתאריך' (printed on) names the day the page was printed, not the invoice's: the whole
label is another date's (its 'תאריך' no issue label of its own), also with its dalet read as resh
on a photo ('הורפס בתאי'ן'). The issue date is then the other date on the page."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import find_dates
from invoiceme_extractor.rules.date_label_kinds import date_kind
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


class TestPrintedOnLabel:
    def test_the_label_names_another_date(self) -> None:
        assert date_kind("הודפס בתאריך") == "other"
        assert date_kind("הורפס בתאי'ן") == "other"

    def test_the_printed_date_is_not_the_issue_date(self) -> None:
        words = ocr_words("חשבונית מס זיכוי", 520, 177, 0) + ocr_words("95640", 1120, 491, 1)
        words += ocr_words("הורפס בתאי'ן", 1079, 554, 2) + ocr_words("4.2.2025", 1090, 575, 3)
        words += ocr_words("31.1.2025", 1080, 660, 4)
        lines = document_lines([ocr_page(words)])
        issued, _ = find_dates(lines, month_first=False)
        assert issued is not None and issued.value == "2025-01-31"
