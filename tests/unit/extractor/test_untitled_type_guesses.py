"""A page whose title OCR lost, with no type word and no payment block left: on a Hebrew page the
allocation number it prints ('מספר אישור הקצאה') is issued for a tax invoice only; elsewhere a due
date says payment is to come, an invoice's. Guesses, said with low confidence."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.untitled_type import GUESSED, tax_invoice_by_allocation, type_by_evidence


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def test_allocation_number_makes_an_untitled_page_a_tax_invoice() -> None:
    lines = _lines("2025-5770 מספר אסמכתא:", 'מע"מ 17% 5,111.77', "מספר אישור הקצאה: 836052822")
    allocation = Found("836052822", "836052822", lines[2], 0.9)
    found = tax_invoice_by_allocation(type_by_evidence(None, lines, None), allocation)
    assert found is not None and found.value == "tax_invoice" and found.confidence == GUESSED


def test_no_allocation_number_no_type() -> None:
    lines = _lines("2025-5770 מספר אסמכתא:", 'מע"מ 17% 5,111.77')
    assert tax_invoice_by_allocation(type_by_evidence(None, lines, None), None) is None


def test_an_allocation_number_outweighs_an_invoice_guessed_from_a_due_date() -> None:
    lines = _lines("Invoice No. 5770", "Due date 17/08/2025", "Allocation No. 836052822")
    due = Found("2025-08-17", "17/08/2025", lines[1], 0.85)
    allocation = Found("836052822", "836052822", lines[2], 0.9)
    found = tax_invoice_by_allocation(type_by_evidence(None, lines, None, due), allocation)
    assert found is not None and found.value == "tax_invoice" and found.confidence == GUESSED


def test_a_due_date_makes_an_untitled_european_page_an_invoice() -> None:
    lines = _lines("N° IVA ES G-22547228", "Fecha 3 de agosto de 2025", "Vencimiento 17 de agosto de 2025")
    due = Found("2025-08-17", "17 de agosto de 2025", lines[2], 0.85)
    found = type_by_evidence(None, lines, None, due)
    assert found is not None and found.value == "invoice" and found.confidence == GUESSED
    assert type_by_evidence(None, lines, None, None) is None
    hebrew = _lines("2025-5770 מספר אסמכתא:", "תאריך לתשלום 17.08.2025")
    assert type_by_evidence(None, hebrew, None, Found("2025-08-17", "17.08.2025", hebrew[1], 0.85)) is None
