"""The vendor's tax id wherever a layout prints it and however it groups its characters: a Spanish
id's letter set apart by a dash, the id under its label or in a boxed cell, away from the vendor's
block, beside the customer's."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.id_shapes import id_tokens
from invoiceme_extractor.rules.vat_numbers import normalize_tax_id

from .wordbox import page


class TestGroupings:
    """Every grouping invoices print reads as the one id."""

    @pytest.mark.parametrize(
        ("printed", "value"),
        [
            ("ESB-94049386", "ESB94049386"),
            ("ES B-94049386", "ESB94049386"),
            ("ES-B94049386", "ESB94049386"),
            ("DE 468 310 107", "DE468310107"),
            ("FR 12 345 678 901", "FR12345678901"),
            ("GB 123 4567 89", "GB123456789"),
        ],
    )
    def test_a_grouped_id_is_one_token(self, printed: str, value: str) -> None:
        first = next(iter(id_tokens(f"NIF: {printed} Tel. 91 555 01 02")))
        assert normalize_tax_id(first) == value

    def test_a_date_after_a_country_code_is_no_id(self) -> None:
        assert id_tokens("FR 2024-11-05") == []

    def test_a_spanish_id_with_its_letter_apart_is_the_vendors(self) -> None:
        laid_out = page(("Mar Construcciones S.A.", 100, 100), ("CIF: ESB-94049386", 100, 140))
        assert extract_with_rules([laid_out]).vendor_tax_id == "ESB94049386"


class TestVatNumberParts:
    """A VAT number's digit groups and letters are not other ids."""

    def test_digit_groups_of_a_vat_number_are_no_israeli_id(self) -> None:
        from invoiceme_extractor.rules.id_shapes import ids_in

        assert ids_in("N° intracom. TVA FR 79 110 502 697") == ["FR 79 110 502 697"]
        assert "110 502 697" in ids_in("Tel 110 502 697")  # alone, a grouped 9-digit number still is

    def test_a_spanish_letter_after_the_country_is_no_damaged_israeli_id(self) -> None:
        laid_out = page(
            ("García Servicios S.A.", 100, 100),
            ("NIF intracomunitario ES B93934481 Registro Mercantil, hoja 88398647", 100, 140),
        )
        assert extract_with_rules([laid_out]).vendor_tax_id == "ESB93934481"

    def test_an_ocr_gap_beside_the_dash(self) -> None:
        assert [normalize_tax_id(raw) for raw in id_tokens("ESB -94049386")] == ["ESB94049386"]

    def test_intracom_names_a_vat_label(self) -> None:
        from invoiceme_extractor.rules import party_labels

        assert party_labels.TAX_ID.search("N° intracom. TVA")


class TestCustomerIdLabel:
    """A customer's id label is the key of one value, not the heading of the customer's block."""

    def test_it_names_an_id(self) -> None:
        from invoiceme_extractor.rules.blocks import names_an_id

        for label in ("Customer VAT No.", "NIF cliente", "ע.ם. הלקוח", "מס' עוסק לקוח", "Client Reg. No."):
            assert names_an_id(label), label
        for label in ("Bill To", "Customer", "לכבוד", "פרטי הלקוח", "Kunde"):
            assert not names_an_id(label), label

    def test_the_vendors_id_under_it_stays_the_vendors(self) -> None:
        from invoiceme_extractor.rules import party_labels
        from invoiceme_extractor.rules.blocks import party_cells
        from invoiceme_extractor.rules.lines import document_lines

        lines = document_lines(
            [
                page(
                    ("Customer VAT No.", 100, 100),
                    ("DE925464566", 100, 140),
                    ("VAT No.", 100, 200),
                    ("DE136695976", 100, 240),
                )
            ]
        )
        assert {ref[0] for ref in party_cells(lines, party_labels.BUYER_BLOCK)} == {0, 1}


class TestNamedTheCustomers:
    """An id the page prints under a customer's id label is the customer's wherever else it stands."""

    ROWS = (
        ("Rimon Engineering Ltd", 100, 60),
        ("VAT No. 519466577", 100, 100),  # the customer's block, its heading lost to OCR
        ("Date", 100, 200),
        ("VAT No.", 500, 200),
        ("Customer VAT No.", 900, 200),
        ("22-10-2025", 100, 240),
        ("09-227442-2", 500, 240),
        ("51-946657-7", 900, 240),
    )

    def test_the_customers_ids(self) -> None:
        from invoiceme_extractor.rules.labelled_ids import customer_labelled
        from invoiceme_extractor.rules.lines import document_lines

        assert customer_labelled(document_lines([page(*self.ROWS)])) == {"519466577"}

    def test_its_other_copy_loses_to_the_vendors(self) -> None:
        assert extract_with_rules([page(*self.ROWS)]).vendor_tax_id == "092274422"

    def test_a_customer_label_beside_the_vendors_pair_names_nothing(self) -> None:
        from invoiceme_extractor.rules.labelled_ids import customer_labelled
        from invoiceme_extractor.rules.lines import document_lines

        rows = (("Customer VAT No.:", 100, 100), ("VAT No. DE136695976", 500, 100))
        assert customer_labelled(document_lines([page(*rows)])) == set()
