"""A Hebrew name whose first word OCR read as Latin debris ('wna מערכות בע'ימ'), the debris already
left out of the name kept: the footer's whole copy ('ברוש מערכות בע"מ') is the name, its בע"מ read
whole where the header's lost its gershayim."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, document_lines
from invoiceme_extractor.rules.name_copies import hebrew_copy_of_debris, surer_copy

from .wordbox import ocr_page, ocr_words


def test_damaged_legal_form_matches_the_whole_one() -> None:
    assert hebrew_copy_of_debris("wna מערכות בע'ימ", 'ברוש מערכות בע"מ')
    assert not hebrew_copy_of_debris("wna מערכות בע'ימ", 'ברוש תקשורת בע"מ')


def test_footer_copy_replaces_the_name_without_its_first_word() -> None:
    words = [
        *ocr_words("בע'ימ מערכות wna", 1500, 40, 0, height=30),
        *ocr_words("קבלה", 200, 40, 0),
        *ocr_words("26,954.74 ILS", 200, 600, 1),
        *ocr_words('בע"מ מערכות ברוש', 1500, 900, 2),
    ]
    lines = document_lines([ocr_page(words)])
    vendor = Found("מערכות בע'ימ", "wna מערכות בע'ימ", lines[0], 0.9)
    copy = surer_copy(vendor, lines)
    assert copy is not None and copy.value == 'ברוש מערכות בע"מ' and copy.confidence < 0.9
