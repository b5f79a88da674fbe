"""Phone, address and page-marker words are found as words: a name that holds one as a syllable
('אביטל' holds טל, phone's abbreviation) is still a name."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.contact_words import NOT_A_NAME, PHONE
from invoiceme_extractor.rules.name_units import priced_row


def _hebrew_invoice(vendor: str) -> str:
    return (
        f"{vendor}\nרחוב הרצל 12, חיפה\nחשבונית מס 1234\nע.מ. 514321678\nתאריך 01/02/2026\n"
        'סה"כ לתשלום 117.00 ₪'
    )


def _english_invoice(vendor: str) -> str:
    return (
        f"{vendor}\n12 High Street, London\nInvoice No 1234\nVAT GB123456789\nDate 01/02/2026\n"
        "Total 117.00 GBP"
    )


@pytest.mark.parametrize(
    "vendor",
    [
        'אביטל שירותי ניקיון בע"מ',  # טל (phone)
        'פסטל עיצובים בע"מ',
        'טלדור מערכות בע"מ',
        'מקורות בע"מ',  # מקור (original)
        'הסתדרות העובדים בע"מ',  # ת.ד (P.O. box) without its dot
        'מתדלקים בע"מ',
        'מחשבים ניידים בע"מ',  # נייד (mobile) inside a longer word
        'רואה חשבון דוד מזרחי בע"מ',  # חשבון (a bill) in an accountant's title
        'משרד רואי חשבון לוי בע"מ',
    ],
)
def test_hebrew_name_holding_a_label_syllable(vendor: str) -> None:
    assert extract_with_rules([(1, _hebrew_invoice(vendor))]).vendor_name == vendor


@pytest.mark.parametrize(
    "vendor",
    ["Copycat Printing Ltd", "Phonetic Labs Ltd", "Faxon Industries Inc", "Telefonica SA", "Telstra Ltd"],
)
def test_english_name_holding_a_label_syllable(vendor: str) -> None:
    assert extract_with_rules([(1, _english_invoice(vendor))]).vendor_name == vendor


@pytest.mark.parametrize(
    "line",
    [
        "טל' 03-5551234",
        "טלפון: 03-5551234",
        "פקס 03-5551235",
        "נייד: 050-1234567",
        "Tel. +44 20 7946 0000",
        "Telephone 020 7946 0000",
        "Fax: 020 7946 0001",
        "Telefon: 030 123456",
        "T.: 04-9163660",
        "Mobile 07700 900123",
    ],
)
def test_phone_labels(line: str) -> None:
    assert PHONE.search(line)


@pytest.mark.parametrize(
    "line",
    ["טל' 03-5551234", "רח' הרצל 12", "ת.ד. 1234", "עמוד 1 מתוך 2", "העתק", "www.acme.co.il", "Page 1 of 2"],
)
def test_contact_lines_are_no_names(line: str) -> None:
    assert NOT_A_NAME.search(line)


def test_a_phone_under_the_id_label_is_not_the_id() -> None:
    text = 'אביטל בע"מ\nח.פ.\nטלפון 039876543\nסה"כ לתשלום 117.00 ₪'
    assert extract_with_rules([(1, text)]).vendor_tax_id is None


@pytest.mark.parametrize(
    ("row", "priced"),
    [
        ("1 Consulting services 1 803.04 803.04", True),
        ("Sandwich 10 3,130.00", True),
        ("Acme Supplies Ltd 5,000.00", False),  # one amount, and a company says it is one
        ("Acme Supplies Ltd 2 5,000.00", False),
        ("TEL 03-6177558 FAX 03-6177559", False),  # numbers without cents
        ("Vista & Summit LLC", False),
    ],
)
def test_a_priced_table_row_is_no_name(row: str, priced: bool) -> None:
    assert priced_row(row) is priced
