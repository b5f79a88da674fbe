"""Seed 15's scan labels OCR damaged: 'Nº documento' with its ordinal read as marks, 'מס' חשבונית'
with its geresh read as gershayim, a speck read as digits between a value and its label, and a
speck after the customer block's label."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.blocks import party_cells
from invoiceme_extractor.rules.invoice_number import find_invoice_number
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page


class TestDocumentNumberOrdinalAsMarks:
    @pytest.mark.parametrize("label", ["N? documento:", "N®@documento:"])
    def test_the_number_after_the_label(self, label: str) -> None:
        lines = document_lines(
            [(1, f"Calle del Sol 42, 61839 Bilbao {label} B600966\nFecha: 9 de octubre de 2024")]
        )
        found = find_invoice_number(lines)
        assert found is not None and found.value == "B600966"


class TestHebrewNumberLabelWithGershayim:
    def test_the_number_after_the_label(self) -> None:
        layer = page(
            ('תמר שירותים בע"מ', 1300, 100),
            ("חשבונית מס - מקור", 1300, 150),
            ('מס" חשבונית: 36477', 1000, 480),
            ("תאריך הנפקה: 6 פברואר 2025", 1000, 530),
            rtl=True,
        )
        found = find_invoice_number(document_lines([layer]))
        assert found is not None and found.value == "36477"


class TestHebrewNumberLabelWithCommaAndPoint:
    """'מס' חשבונית' with its geresh read as a comma and a point (a seed-39 scan)."""

    def test_the_number_after_the_label(self) -> None:
        layer = page(
            ('Atlas Foods בע"מ', 1300, 100),
            ("חשבונית מס קבלה", 1300, 150),
            ("מס,. חשבונית 2024-2703", 1000, 480),
            ("תאריך מסמך 15 יוני 2024", 1000, 530),
            rtl=True,
        )
        found = find_invoice_number(document_lines([layer]))
        assert found is not None and found.value == "2024-2703"


class TestDocumentNumberBesideCrumbsOfZeros:
    """'מסמך מס 7925806' (its geresh lost) names the number; '00/0' beside the title, a logo's crumbs,
    is no number (a seed-40 scan)."""

    def test_the_labelled_number_not_the_zeros(self) -> None:
        text = (
            "ברוש ייעוץ )1998( 00/0 = קבלה\nאיכות ללא פשרות / מסמך מס 7925806\nת. מסמך: 1 ספטמבר 2024\n"
            'סה"כ 66852.20 ש"ח'
        )
        found = find_invoice_number(document_lines([(1, text)]))
        assert found is not None and found.value == "7925806"

    def test_zeros_alone_are_no_number(self) -> None:
        found = find_invoice_number(document_lines([(1, 'קבלה 00/0\nסה"כ 100.00')]))
        assert found is None or found.value != "00/0"


class TestSpeckBetweenValueAndFollowingLabel:
    """'address | 45356 | 17 | מס' אסמכתא:': a right-to-left row, the label after its value and a
    speck OCR read as '17' between them: the value is the cell past the speck."""

    def test_the_value_past_the_speck(self) -> None:
        layer = page(
            ("רחוב העצמאות 142, באר שבע", 126, 360),
            ("45356", 700, 360),
            ("17", 850, 360),
            ("מס' אסמכתא:", 1000, 360),
            ("01-08-2025", 126, 420),
            ("- תאריך מסמך:", 1000, 420),
        )
        found = find_invoice_number(document_lines([layer]))
        assert found is not None and found.value == "45356"

    def test_a_label_after_its_value_on_a_left_to_right_row(self) -> None:
        """'45356 | 17 | Numero de factura:' (labels set after their values): past the speck too."""
        layer = page(
            ("Calle del Sol 4, Bilbao", 100, 200),
            ("45356", 700, 200),
            ("17", 900, 200),
            ("Numero de factura:", 1100, 200),
            ("26/07/2025", 100, 260),
            ("Fecha de emision:", 1100, 260),
        )
        found = find_invoice_number(document_lines([layer]))
        assert found is not None and found.value == "45356"


class TestSpeckAfterCustomerBlockLabel:
    """'Auftraggeber 7': a speck read as a digit after the customer's heading; the block under it is
    still the customer's, so its VAT id is not the issuer's."""

    def test_the_block_is_the_customers(self) -> None:
        layer = page(
            ("Auftraggeber 7", 143, 150),
            ("Weber Software GmbH", 1100, 150),
            ("Sonnen Bau GmbH", 143, 200),
            ("Bahnhofstraße 142, 52557 Hamburg", 143, 250),
            ("Umsatzsteuer-ID", 1100, 300),
            ("Umsatzsteuer-ID DE477511071", 143, 340),
            ("DE 569957701", 1100, 350),
            ("Rechnung Nr. 2026-9695", 143, 500),
        )
        lines = document_lines([layer])
        customer = {
            lines[row].cells[index].text for row, index in party_cells(lines, party_labels.BUYER_BLOCK)
        }
        assert "Sonnen Bau GmbH" in customer
        assert extract_with_rules([layer]).vendor_tax_id == "DE569957701"
