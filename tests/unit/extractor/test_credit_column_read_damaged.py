"""A credit note's totals printed as a bare column whose labels OCR lost, its minus signs read after
the amounts or as a dash, its currency mark misread ('ש"ת' for ש"ח); and a name's 'בע"מ' read with a
final mem ('בע"ם'), as OCR writes a mem that ends a word."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import rtl_ocr_page

HEAD = [
    ("חשבונית זיכוי", 600, 50),
    ("מס' אסמכתא: 2024-7979", 500, 100),
    ("לכבוד: הדר שירותים", 560, 200),
    ("רחוב העצמאות 51, באר שבע", 400, 250),
]


COLUMN = [("95,248.42-", 100, 600), ("17,144.72-", 100, 650), ('ש"ת —112,393.14', 100, 700)]


def test_a_bare_credit_column_with_a_dash_for_the_totals_minus() -> None:
    fields = extract_with_rules([rtl_ocr_page(*HEAD, *COLUMN)])
    assert (fields.subtotal, fields.vat_amount, fields.total) == (-95248.42, -17144.72, -112393.14)
    assert fields.vat_rate == 0.18


def test_a_column_whose_amounts_do_not_add_up_is_no_triple() -> None:
    wrong = [("95,248.42-", 100, 600), ("17,144.72-", 100, 650), ('ש"ת —112,399.14', 100, 700)]
    fields = extract_with_rules([rtl_ocr_page(*HEAD, *wrong)])
    assert fields.subtotal is None and fields.vat_amount is None


def test_a_legal_form_read_with_a_final_mem_names_the_issuer() -> None:
    footer = ('ארבל הנדסה בע"ם 2 ע.מ 516-721-511', 100, 900)
    fields = extract_with_rules([rtl_ocr_page(*HEAD, *COLUMN, footer)])
    assert fields.vendor_name == 'ארבל הנדסה בע"מ'  # as printed
    assert fields.vendor_tax_id == "516721511"
