"""Numbers that belong to a party, never the document: a registration number a garbled label put
beside the invoice number's place, an allocation number under a label OCR bent, and the customer's
VAT number under a French buyer label whose accent OCR lost."""

from __future__ import annotations

from dataclasses import replace

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.invoice_number import registration_number

from .wordbox import page


class TestRegistrationNumbers:
    @pytest.mark.parametrize("value", ["DE321304474", "FR07394837108", "52-935577-8", "518-649-215"])
    def test_a_valid_registration_number_is_one(self, value: str) -> None:
        assert registration_number(value)

    @pytest.mark.parametrize(
        "value",
        # invoice numbers, a VAT-like code whose check digit fails, an id grouped as no id is
        [
            "INV-67468",
            "2024-5628",
            "S837249",
            "75/6443",
            "DE2024001",
            "DE321304475",
            "52-935577-9",
            "5293-5577",
        ],
    )
    def test_other_numbers_are_not(self, value: str) -> None:
        assert not registration_number(value)

    def test_a_registration_number_under_a_garbled_label_is_not_the_invoice_number(self) -> None:
        """OCR read the date's label as 'pate': a short unknown label over the customer's VAT id."""
        laid_out = page(
            ("Eichen Druck GmbH", 100, 100),
            ("Rechnungsempfänger:", 100, 160),
            ("pate", 1000, 160),
            ("DE321304474", 1000, 200),
            ("Gesamt brutto 100,00 EUR", 100, 400),
        )
        assert extract_with_rules([laid_out]).invoice_number is None


def test_an_allocation_label_ocr_bent_names_no_invoice_number() -> None:
    """'מספר הקצאת' for 'מספר הקצאה': the allocation number's label, not an unknown number's."""
    laid_out = page(
        ('ארבל טכנולוגיות בע"מ', 1500, 100),
        ("מספר הקצאת 985421382", 1500, 200),
        ('סה"כ לתשלום 100.00', 1500, 400),
        rtl=True,
    )
    assert extract_with_rules([laid_out]).invoice_number != "985421382"


def test_the_customers_vat_number_under_facture_a_without_its_accent_is_not_the_vendors() -> None:
    laid_out = page(
        ("Horizon Services EURL", 100, 100),
        ("Facturé a", 1200, 100),
        ("Etoile Distribution SA", 1200, 150),
        ("69 avenue Victor Hugo, 92909 Bordeaux", 1200, 200),
        ("N° TVA FR46060678232", 100, 215),
        ("N° TVA: FR37051415990", 1200, 250),
        ("FACTURE B962311", 800, 350),
    )
    assert extract_with_rules([laid_out]).vendor_tax_id == "FR46060678232"


def test_an_amount_label_is_no_vendor_name() -> None:
    """'Balance Due' in large print, its 'Due' cut as a date's label: 'Balance' is no issuer; the
    footer's name beside the VAT number is."""
    laid_out = page(
        ("GL", 233, 200),
        ("Commercial Invoice", 1661, 190),
        ("Doc #: 60/7125", 1476, 320),
        ("Customer:", 177, 580),
        ("Bright Logistics LLC", 177, 640),
        ("167 Harbor Road, Dublin", 177, 710),
        ("4141.14", 1452, 1140),
        ("Net Amount", 2053, 1140),
        ("4969.37 GBP", 1452, 1320),
        ("Balance Due", 1967, 1320),
        ("Granite Logistics Group", 177, 3177),
        ("VAT Reg. No. GB960513336", 1240, 3177),
    )
    # the totals in large print, the footer in small
    heights = {1140: 48, 1320: 48, 3177: 22}
    words = [replace(w, height=heights.get(w.top, w.height)) for w in laid_out.words]
    laid_out = laid_out.model_copy(update={"words": words})
    assert extract_with_rules([laid_out]).vendor_name == "Granite Logistics Group"


def test_a_latin_crumb_on_a_hebrew_page_heads_no_customer_block() -> None:
    """'an' (OCR's reading of a Hebrew id label) is no German 'An:': the id under it stays the
    issuer's."""
    laid_out = page(
        ("חשבונית זיכוי", 700, 145),
        ('תמר טכנולוגיות בע"מ', 1290, 237),
        ("רחוב העצמאות 160, נתניה", 1110, 325),
        ("תאריך מסמך", 1350, 402),
        ("an", 750, 402),
        ("07.05.25", 1390, 435),
        ("518799903", 650, 435),
        ("עבור", 720, 489),
        ("כרמל לוגיסטיקה (1998)", 500, 521),
        rtl=True,
    )
    assert extract_with_rules([laid_out]).vendor_tax_id == "518799903"


class TestPayeeOverHeader:
    """The firm the bank details pay is the issuer, over a header name that is the customer's (its
    label lost); a person as the account holder is never taken over a name."""

    @staticmethod
    def _invoice(holder_row: str) -> object:
        laid_out = page(
            ("Weber Bau UG", 177, 200),
            ("Hauptstraße 48, 30268 Stuttgart", 177, 240),
            ("Rechnung", 1600, 200),
            ("Summe netto 100,00 EUR", 1400, 900),
            (holder_row, 177, 3100),
        )
        return extract_with_rules([laid_out]).vendor_name

    def test_the_firm_paid_is_the_issuer(self) -> None:
        assert self._invoice("Kontoinhaber: Summit & Summit - IBAN DE28 2126 4776") == "Summit & Summit"

    def test_a_bent_label_and_a_split_legal_form(self) -> None:
        name = self._invoice("Kontoiahaber: Rhein Technik G mbH - IBAN DE28 2126 4776")
        assert name == "Rhein Technik GmbH"

    def test_a_person_paid_is_not_taken_over_the_header(self) -> None:
        assert self._invoice("Kontoinhaber: Hans Maier - IBAN DE28 2126 4776") == "Weber Bau UG"


def test_an_invoice_number_label_whose_ordinal_ocr_read_as_an_apostrophe() -> None:
    from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER

    assert INVOICE_NUMBER.search("Facture N'")
    assert INVOICE_NUMBER.search("Facture N’ 3298443")
    assert not INVOICE_NUMBER.search("Cette facture n'est pas payée")
