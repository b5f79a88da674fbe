"""What OCR does to a header's labels: the ordinal of 'Nº' read as a digit ('TICKET N2'), a number's
label ending a cell OCR joined to the name and title before it ('... RECEIPT Reference No.'), and a
title's first letter run into the name before it ('LimitedNVOICE / RECEIPT')."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules, party_labels
from invoiceme_extractor.rules.invoice_number_values import numbers_in
from invoiceme_extractor.rules.titles import type_of

from .wordbox import page


class TestOrdinalReadAsDigit:
    """'N2' after a label is 'Nº' misread, not the document's number."""

    @pytest.mark.parametrize("text", ["N2", "N9", "N2&"])
    def test_the_ordinal_is_no_number(self, text: str) -> None:
        assert numbers_in(text) == []

    def test_a_number_with_a_letter_prefix_stays(self) -> None:
        assert numbers_in("N21345") == ["N21345"]

    def test_the_number_under_the_misread_label_is_taken(self) -> None:
        laid_out = page(
            ("Sol Distribuciones S.L.", 100, 100), ("TICKET N2", 1500, 100), ("2024-4927", 1500, 140)
        )
        assert extract_with_rules([laid_out]).invoice_number == "2024-4927"


class TestReferenceLabelEndingAJoinedCell:
    """A reference label OCR joined to the cells before it: its value is under the label's part."""

    def _header(self, label: str) -> list[tuple[str, int, int]]:
        joined = f"Atlas & Granite LimitedNVOICE / RECEIPT {label}"
        return [
            (joined, 100, 100),
            ("109 Market Street, Boston", 100, 140),
            ("2026-5347", 100 + 14 * (len(joined) - 13), 140),
        ]

    def test_the_value_under_the_label_is_the_number(self) -> None:
        assert extract_with_rules([page(*self._header("Reference No."))]).invoice_number == "2026-5347"

    def test_a_customers_reference_is_not_the_number(self) -> None:
        assert extract_with_rules([page(*self._header("Customer Ref. No."))]).invoice_number is None

    def test_a_bare_reference_word_after_the_title(self) -> None:
        # 'Ticket de caisse Référence' over 'A338691', a text layer's one cell (a fresh draw, seed 43)
        header = [
            ("Ticket de caisse Référence", 1300, 60),
            ("Horizon Informatique EURL", 100, 110),
            ("Votre partenaire", 100, 160),
            ("A338691", 1300 + 14 * 17, 160),
        ]
        assert extract_with_rules([page(*header)]).invoice_number == "A338691"
        header[0] = ("Payment Référence", 1300, 60)  # no title before the word: no number's label
        assert extract_with_rules([page(*header)]).invoice_number is None


class TestTitleRunIntoAName:
    def test_invoice_receipt_without_its_first_letter(self) -> None:
        named = type_of("Atlas & Granite LifitetNVOICE / RECEIPT Reference No.")
        assert named is not None and named[0] == "tax_invoice_receipt"


class TestRecipientLabelWithItsUmlautMisread:
    """'Rechnungsempfinger:': the customer's label with its ä read as i still marks the customer."""

    @pytest.mark.parametrize("label", ["Rechnungsempfinger:", "Rechnungsempfänger:", "Leistungsempfanger"])
    def test_the_label_names_the_customer(self, label: str) -> None:
        assert party_labels.BUYER_BLOCK.search(label)

    def test_the_customers_tax_id_under_it_is_not_the_issuers(self) -> None:
        laid_out = page(
            ("Rhein Service GmbH", 100, 100),
            ("DE944107246", 100, 200),
            ("Rechnungsempfinger:", 100, 400),
            ("Eichen Software GmbH", 100, 440),
            ("USt-Id.: DE941688854", 100, 480),
        )
        assert extract_with_rules([laid_out]).vendor_tax_id == "DE944107246"


class TestChangeWithItsUmlautMisread:
    """'Riickgeld' (ü read as ii) is still the change given at a till: the untitled slip is a receipt."""

    def test_an_untitled_slip_with_change_is_a_receipt(self) -> None:
        text = "Weber Druck UG\nBeleg-Nr.: 2024-8390\nZu zahlen €57,20\nBAR €100,00\nRiickgeld €42,80"
        assert extract_with_rules([(1, text)]).document_type == "receipt"
