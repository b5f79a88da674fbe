"""Long date labels a photo damaged by one letter ('Rechnungsdarum' over the issue date,
'Lieferdafum' over the delivery date): still the issue date's or another date's label, so the
delivery date above the issue date is not taken for it. Short labels are never matched so loosely."""

from __future__ import annotations

from invoiceme_extractor.rules.date_fields import _date_kind, find_dates
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


class TestGarbledDateLabels:
    def test_one_letter_damage_keeps_the_kind(self) -> None:
        assert _date_kind("Rechnungsdarum") == "weak"
        assert _date_kind("Lieferdafum") == "other"
        assert _date_kind("Invoice Dale:") == "weak"

    def test_a_short_word_is_no_label(self) -> None:
        assert _date_kind("Dalum") is None

    def test_the_issue_date_under_its_damaged_label(self) -> None:
        words = ocr_words("Beleg-Nr", 60, 100, 0) + ocr_words("A196781", 60, 125, 1)
        words += ocr_words("Lieterdanum", 60, 160, 2) + ocr_words("16.05.25", 60, 185, 3)
        words += ocr_words("Rechnungsdarum", 60, 220, 4) + ocr_words("14.05.25", 60, 245, 5)
        issued, _ = find_dates(document_lines([ocr_page(words)]), month_first=False)
        assert issued is not None and issued.value == "2025-05-14" and issued.confidence < 0.9
