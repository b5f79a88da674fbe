"""A field's label is neither the document's title nor the issuer's name: a type word shared with
the number's label ('CASH RECEIPT Tax Invoice No.'), a total's label ('Total factura'), another date's
label ('תקופת השירות', 'Leistungs|datum'); and a title with a logo's marks before it is still read
when OCR misread a letter of it."""

from __future__ import annotations

import re

import pytest

from invoiceme_extractor.rules import document_labels, extract_with_rules
from invoiceme_extractor.rules.currency_noise import only_converted
from invoiceme_extractor.rules.damaged_titles import cropped_type, misread_type
from invoiceme_extractor.rules.full_names import spelled_out
from invoiceme_extractor.rules.invoice_number import registration_number
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.parties import find_vendor_name
from invoiceme_extractor.rules.references import find_currency
from invoiceme_extractor.rules.titles import _misread_rest, _title_type, names_a_field, type_of_cell
from invoiceme_extractor.rules.untitled_type import payment_line

from .wordbox import page


class TestTypeWordsInLabels:
    """The type a cell names, when a field's label holds a type word."""

    def test_the_number_labels_type_word_yields_to_the_title_before_it(self) -> None:
        named = _title_type("CASH RECEIPT Tax Invoice No.")
        assert named is not None and named[0] == "receipt"

    @pytest.mark.parametrize("title", ["Tax Invoice No. 4521", "TAX INVOICE"])
    def test_a_title_run_into_its_own_number_label_stays(self, title: str) -> None:
        named = _title_type(title)
        assert named is not None and named[0] == "tax_invoice"

    @pytest.mark.parametrize("text", ["Total factura", "Rechnungsbetrag"])
    def test_a_totals_label_names_a_field(self, text: str) -> None:
        named = type_of_cell(text)
        assert named is not None and names_a_field(text, named)

    def test_a_bare_title_names_no_field(self) -> None:
        named = type_of_cell("Factura")
        assert named is not None and not names_a_field("Factura", named)

    def test_a_till_slip_whose_title_ocr_lost_is_a_receipt_by_its_card_charge(self) -> None:
        laid_out = page(
            ("GARCIA TECNOLOGIA SL", 100, 100),
            ("Factura N°: 9218370", 100, 200),
            ("Total factura 630,25", 100, 400),
            ("TARJETA", 100, 450),
            ("AUTH 382899", 100, 500),
        )
        assert extract_with_rules([laid_out]).document_type == "receipt"

    @pytest.mark.parametrize("text", ["AUTH 382899", "Auth. code: 0417"])
    def test_an_approval_code_is_a_payment(self, text: str) -> None:
        assert payment_line([Line(text, 1, 0)]) is not None

    def test_an_author_is_no_payment(self) -> None:
        assert payment_line([Line("Author 2024", 1, 0)]) is None


def test_a_misread_title_after_a_logos_marks_is_read() -> None:
    assert misread_type("<< = חשבגית מס קבלה") == "tax_invoice_receipt"


def test_a_label_ending_in_a_colon_is_no_cropped_title() -> None:
    # 'Caisse: 39' is the till's number on an invoice slip; 'Caisse' alone may be a cropped title
    assert cropped_type("Caisse:") is None
    assert cropped_type("Caisse") == "receipt"


class TestDateLabelsAreNoNames:
    def test_a_service_periods_label_is_no_name(self) -> None:
        lines = [
            Line("חשבון עסקה", 1, 0),
            Line("תקופת השירות", 1, 1),
            Line("1 במרץ 2025 - 31 במרץ 2025", 1, 2),
            Line("ברוש בנייה", 1, 3),
            Line("רחוב הברזל 150, באר שבע", 1, 4),
        ]
        found = find_vendor_name(lines, None)
        assert found is not None and found.value == "ברוש בנייה"

    def test_a_date_labels_first_half_is_no_name(self) -> None:
        assert find_vendor_name([Line("RECHNUNG", 1, 0), Line("Leistungs", 1, 1)], None) is None

    def test_a_firm_whose_name_opens_with_such_a_word_is_kept(self) -> None:
        found = find_vendor_name([Line("Termin Logistik GmbH", 1, 0)], None)
        assert found is not None and found.value == "Termin Logistik GmbH"


def test_a_customer_under_adresse_a_without_its_accent_is_no_issuer() -> None:
    laid_out = page(
        ("Facture", 100, 100),
        ("Adressé a", 1200, 200),
        ("Dupont Informatique EURL", 1200, 240),
        ("Atlantique Conseil SA", 100, 400),
        ("18 avenue Victor Hugo, 51142 Bordeaux", 100, 440),
        ("Net a payer 100,00 EUR", 100, 800),
    )
    assert extract_with_rules([laid_out]).vendor_name == "Atlantique Conseil SA"


class TestInvoiceNumberAmongIds:
    def test_an_eu_vat_number_printed_in_groups_is_a_registration_number(self) -> None:
        assert registration_number("ESA-73471401")

    def test_the_ordinal_read_as_a_question_mark_labels_the_number(self) -> None:
        laid_out = page(
            ("FACTURA", 100, 100),
            ("Factura n?: 2026-2469", 100, 200),
            ("NIF: ESA-73471401", 100, 300),
            ("Total 100,00 EUR", 100, 600),
        )
        assert extract_with_rules([laid_out]).invoice_number == "2026-2469"


def _row(index: int, *cells: tuple[str, float, float]) -> Line:
    """A line of (text, font, confidence) cells, one under the other by index."""
    boxes = [
        Cell(text, Box(100.0 * n, 50.0 * index, 100.0 * n + 90, 50.0 * index + font), font, confidence)
        for n, (text, font, confidence) in enumerate(cells)
    ]
    return Line(" ".join(text for text, _, _ in cells), 1, index, boxes[0].box, tuple(boxes))


class TestNameInALogo:
    """A name printed large in a logo that OCR read unsurely."""

    def test_is_taken_when_the_page_prints_it_again(self) -> None:
        lines = [
            _row(0, ("השירות הטוב בעיר", 12, 0.93)),
            _row(1, ("/ גל מזון", 28, 0.33), ("חשבונית מס / קבלה", 30, 0.92)),
            _row(2, ("רחוב העצמאות 14, חיפה", 15, 0.69)),
            _row(3, ("טלפון 09-6055141", 15, 0.9)),
            _row(4, ("גל מזון : שדרות רוטשילד 73, הרצליה - טלפון 02-9224112", 16, 0.93)),
        ]
        found = find_vendor_name(lines, None)
        assert found is not None and found.value == "גל מזון"

    def test_is_left_as_debris_when_printed_once(self) -> None:
        lines = [
            _row(0, ("השירות הטוב בעיר", 12, 0.93)),
            _row(1, ("/ גל מזון", 28, 0.33), ("חשבונית מס / קבלה", 30, 0.92)),
            _row(2, ("רחוב העצמאות 14, חיפה", 15, 0.69)),
        ]
        found = find_vendor_name(lines, None)
        assert found is None or found.value != "גל מזון"


def test_a_title_whose_last_word_the_number_label_shares_is_read_whole() -> None:
    named = _title_type("חשבונית מס קבלה מספר אסמכתא")
    assert named is not None and named[0] == "tax_invoice_receipt"


class TestTwoLetterHebrewBrand:
    """'גל' in a logo and the issuer's full name in the footer."""

    def test_is_spelled_out_from_the_footer(self) -> None:
        lines = [Line("גל", 1, 0), Line("גל לוגיסטיקה ושות' | שדרות רוטשילד 102, חיפה", 1, 1)]
        found = spelled_out(Found("גל", "גל", lines[0], 0.85), lines)
        assert found is not None and found.value == "גל לוגיסטיקה ושות'"

    def test_is_not_taken_for_a_longer_word(self) -> None:
        lines = [Line("גל", 1, 0), Line("גלובל סחר בעמ | רחוב הרצל 1", 1, 1)]
        found = spelled_out(Found("גל", "גל", lines[0], 0.85), lines)
        assert found is not None and found.value == "גל"


class TestRestatedTotal:
    """'978.01 USD (≈ 905.84 EUR)': the dollars are the invoice's, restated in euros."""

    def test_the_restated_currency_is_the_invoices(self) -> None:
        lines = [Line("צוקים מערכות ושות' קבלה", 1, 0), Line('978.01 USD (≈ 905.84 EUR) סה"כ', 1, 1)]
        found = find_currency(lines, "he")
        assert found is not None and found.value == "USD"

    def test_a_conversion_alone_still_names_another_currency(self) -> None:
        line = Line("לידיעה: 11,512.46 USD (שער 0.2704)", 1, 0)
        assert only_converted(re.compile("USD"), [line], re.compile("שער"))


class TestMisreadSpecificTitle:
    def test_a_bare_invoice_word_before_a_misread_rest_reads_the_specific_title(self) -> None:
        laid_out = page(("גל לוגיסטיקה", 1200, 100), ("חשבונית מפ/קבלה", 100, 100), rtl=True)
        assert extract_with_rules([laid_out]).document_type == "tax_invoice_receipt"

    @pytest.mark.parametrize("title", ["חשבונית", "INVOICE", "Invoice:"])
    def test_a_bare_invoice_title_has_no_rest_to_read(self, title: str) -> None:
        named = type_of_cell(title)
        assert named is not None and not _misread_rest(title, named[1])


@pytest.mark.parametrize("label", ["Número de factura", "Numero factura", "Número factura:"])
def test_spanish_number_labels_with_or_without_de(label: str) -> None:
    assert document_labels.INVOICE_NUMBER.search(label)
