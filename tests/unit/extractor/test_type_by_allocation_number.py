"""A Hebrew page whose title OCR lost, with no type word and no payment block left: the allocation
number it prints ('מספר אישור הקצאה') is issued for a tax invoice only, a guess said with low
confidence."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.untitled_type import GUESSED, type_by_evidence


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def test_allocation_number_makes_an_untitled_page_a_tax_invoice() -> None:
    lines = _lines("2025-5770 מספר אסמכתא:", 'מע"מ 17% 5,111.77', "מספר אישור הקצאה: 836052822")
    found = type_by_evidence(None, lines, None)
    assert found is not None and found.value == "tax_invoice" and found.confidence == GUESSED


def test_no_allocation_number_no_type() -> None:
    assert type_by_evidence(None, _lines("2025-5770 מספר אסמכתא:", 'מע"מ 17% 5,111.77'), None) is None
