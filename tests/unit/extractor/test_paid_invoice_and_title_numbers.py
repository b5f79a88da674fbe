"""Labels of seed 12's receipts and US invoices: the invoice a receipt pays named in French, Spanish
or German is another document's number; 'FEIN' (the US federal employer number) labels the issuer's id."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.invoice_number import invoice_number_candidates
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.unlabelled_invoice_number import numbers_after_title, numbers_beside_the_date

from .wordbox import page


class TestPaidInvoiceIsAnotherDocument:
    @pytest.mark.parametrize(
        "text",
        [
            "Reçu N°: R-12\nPour la facture: 4400",
            "Recibo Nº: R-12\nPor la factura: 4400",
            "Quittung Nr.: R-12\nFür Rechnung: 4400",
        ],
    )
    def test_the_paid_invoice_is_no_candidate(self, text: str) -> None:
        lines = document_lines([(1, text)])
        values = [str(reading.value) for reading in invoice_number_candidates(lines)]
        assert "4400" not in values

    def test_a_receipt_numbered_nowhere_else_takes_no_number(self) -> None:
        lines = document_lines([(1, "Factura simplificada\nRecibido de: García S.L.\nPor la factura: 87313")])
        assert "87313" not in [str(reading.value) for reading in invoice_number_candidates(lines)]


class TestFederalEmployerNumber:
    def test_fein_under_its_label_at_the_foot(self) -> None:
        layer = page(
            ("Maple Labs Inc.", 100, 100),
            ("17 King Street, Manchester", 100, 150),
            ("Invoice", 100, 300),
            ("Inv. No 30/7852", 100, 350),
            ("Amount Due 7,367.67 USD", 100, 600),
            ("FEIN", 100, 900),
            ("75-4133317", 100, 950),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "754133317"

    @pytest.mark.parametrize("printed", ["79-$122361", "79-5I22361"])
    def test_an_ein_with_a_digit_read_as_a_look_alike(self, printed: str) -> None:
        """'$' for 5, 'I' for 1: an EIN has no check digit, so only its label vouches for it; the
        digits after the look-alike are no id of their own."""
        rows = [("Summit Labs Ltd", 100, 100), ("INVOICE", 100, 200), ("TOTAL 5,894.33 $", 100, 600)]
        layer = page(*rows, ("Tax ID No.", 100, 900), (printed, 100, 950))
        assert extract_with_rules([layer]).vendor_tax_id == "795122361"

    def test_an_unlabelled_ein_look_alike_is_no_id(self) -> None:
        rows = [("Summit Labs Ltd", 100, 100), ("INVOICE", 100, 200), ("TOTAL 5,894.33 $", 100, 600)]
        assert extract_with_rules([page(*rows, ("79-$122361", 100, 950))]).vendor_tax_id is None

    @pytest.mark.parametrize(
        ("text", "labels"), [("FEIN", True), ("Feine Backwaren", False), ("fein", False)]
    )
    def test_only_the_capitals_label(self, text: str, labels: bool) -> None:
        assert bool(party_labels.TAX_ID.search(text)) is labels


class TestNumberSetRightUnderTheTitle:
    """A two-word title set right, its number under it sharing its right edge, beside the address
    line that reaches under the title's first word: the number read after the title."""

    def _after_title(self, number_left: int) -> list[str]:
        layer = page(
            ("García Distribuciones S.L.", 100, 100),
            ("Factura simplificada", 1720, 90),
            # the address reaches further under the title than the number does
            ("Avenida de la Constitución 121, 69498 Valencia | Tel. +34 956 417 4415", 850, 150),
            ("243672", number_left, 150),
            ("Fecha de emisión: 13.09.2025", 1600, 220),
        )
        return [str(reading.value) for reading in numbers_after_title(document_lines([layer]))]

    def test_the_number_sharing_the_titles_right_edge(self) -> None:
        assert self._after_title(1916) == ["243672"]

    def test_a_code_off_the_titles_edge_is_no_number(self) -> None:
        assert self._after_title(1960) == []


class TestDateOfInvoiceIsNoNumberLabel:
    """'Date of Invoice: 13th July 2025' labels the date: neither the label nor the ordinal day names
    the number, which is the one under the title."""

    def test_the_number_under_the_title(self) -> None:
        layer = page(
            ("Cedar Works Ltd", 100, 150),
            ("Tax Invoice-Receipt", 1500, 250),
            ("2026-3464", 1500, 300),
            ("Date of Invoice: 13th July 2025", 100, 400),
        )
        assert extract_with_rules([layer]).invoice_number == "2026-3464"

    @pytest.mark.parametrize("day", ["13th", "1st", "22nd", "3rd"])
    def test_an_ordinal_day_is_no_number(self, day: str) -> None:
        lines = document_lines([(1, f"Invoice No: {day} March")])
        assert not [reading.value for reading in invoice_number_candidates(lines)]


class TestCodeBesideTheDate:
    """A header's date with the document's number beside it, when OCR lost the number's label; an
    item row OCR joined to the date's row holds an item's code, not the document's number."""

    def test_a_lone_code_beside_the_date(self) -> None:
        lines = document_lines([page(("26-06-2025", 100, 300), ("55917", 700, 300))])
        assert [reading.value for reading in numbers_beside_the_date(lines)] == ["55917"]

    def test_an_items_code_in_a_priced_row_is_no_number(self) -> None:
        row = [("55917", 700, 300), ("Licencia de software", 900, 300), ("2196,15", 1500, 300)]
        lines = document_lines([page(("26-06-2025", 100, 300), *row, ("3294,23", 1800, 300))])
        assert not list(numbers_beside_the_date(lines))


class TestValueOpeningItsRow:
    """A key/value block printed value first ('97050 | מספר אסמכתא:') beside another column's text:
    the value opening the row is the label's, no label before it claiming it."""

    def test_the_number_before_its_label(self) -> None:
        layer = page(
            ('Atlas Partners בע"מ', 231, 249),
            ("97050", 2527, 431),
            ("0 מספר אסמכתא:", 1655, 437),  # a speck OCR read as a digit after the colon
            ("שדרות רוטשילד 40, פתח תקווה", 231, 442),
            ('סה"כ לתשלום 1,170.00', 231, 1500),
            rtl=True,
        )
        assert extract_with_rules([layer]).invoice_number == "97050"

    def test_a_value_after_another_label_is_not_taken(self) -> None:
        """'PO No.: | 4471 | Invoice No.: | <blank>': the order's number, claimed by its own label."""
        row = [
            ("PO No.:", 100, 400),
            ("4471", 400, 400),
            ("Invoice No.:", 700, 400),
            ("Contact us", 1200, 400),
        ]
        lines = document_lines([page(("Acme Ltd", 100, 100), *row)])
        assert "4471" not in [str(reading.value) for reading in invoice_number_candidates(lines)]
