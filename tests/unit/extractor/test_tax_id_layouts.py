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


class TestAllocationNumberUnderItsLabel:
    """An allocation number has an id's nine digits: under its label (a header strip, label over
    value) it is the allocation number, and the issuer's id is the one its own label names."""

    def test_the_allocation_number_is_no_tax_id(self) -> None:
        layer = page(
            ("תמר תקשורת (1998)", 1500, 100),
            ("חשבונית מס", 1500, 200),
            ("טלפון 03-9935140", 1500, 300),
            ("מספר אישור הקצאה", 800, 300),
            ("331178988", 800, 340),
            ('סה"כ כולל מע"מ 50613.94', 200, 1500),
            ('עוס"מ 52-317203-9', 200, 3400),
            rtl=True,
        )
        extraction = extract_with_rules([layer])
        assert (extraction.allocation_number, extraction.vendor_tax_id) == ("331178988", "523172039")


class TestUsEmployerId:
    """A US EIN ('77-4495437' under 'FEIN') has no check digit; its grouping is its shape, and beats
    a company registration number of no id's shape in the same footer."""

    def test_the_ein_over_a_company_number(self) -> None:
        layer = page(
            ("BS Blue Systems Inc.", 100, 100),
            ("CASH RECEIPT", 100, 200),
            ("Tax Invoice No.", 1800, 300),
            ("676100", 1800, 340),
            ("Total incl. VAT 17,180.25 USD", 1300, 1500),
            ("Blue Systems Inc.", 177, 3190),
            ("Phone +1 987 934 7826", 909, 3190),
            ("Bank ABA 505526352 Account 9187517335", 1642, 3190),
            ("94 Main St., Manchester", 177, 3250),
            ("Company No. 67217485", 1642, 3250),
            ("FEIN", 2238, 3380),
            ("77-4495437", 2128, 3430),
        )
        assert extract_with_rules([layer]).vendor_tax_id == "774495437"


class TestRecipientBlockWithoutLabel:
    """A name without a legal form over a street, then an id: a recipient's block printed without a
    label ('כרמל מערכות' / street / town / 'ח"פ: …') is not the issuer's, whose id sits in the header."""

    def test_the_header_id_over_the_recipients(self) -> None:
        layer = page(
            ("ארבל לוגיסטיקה ושות' חשבון עסקה", 1200, 100),
            ('ח"פ', 500, 400),
            ("53846100-5", 500, 450),
            ("ארבל לוגיסטיקה ושות' · דרך בגין 73, ראשון לציון", 1300, 700),
            ("כרמל מערכות", 1900, 760),
            ("רחוב ז'בוטינסקי 117", 1800, 800),
            ("באר שבע", 1950, 840),
            ('ח"פ: 530-414-184', 1850, 900),
            ('סה"כ לתשלום 1,369.33', 200, 1500),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "538461005"

    def test_the_issuers_tagline_over_its_street_and_phone(self) -> None:
        layer = page(
            ('אור מערכות בע"מ', 1800, 100),
            ("האיכות לעסק שלך", 1800, 150),
            ("רחוב הברזל 60, ראשון לציון", 1700, 200),
            ("טל 08-9924800", 1900, 250),
            ("ח.פ. 514700673", 1850, 300),
            ("עריכה", 400, 350),
            ("12.12.24", 400, 400),
            ("51-251109-8 | ח.פ. mp", 400, 450),
            ("מספר חשבונית: 9861769", 1700, 500),
            ('סה"כ לתשלום 1,405.71', 200, 1500),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "514700673"


class TestLicensedDealerAbbreviated:
    """'עוס"מ' abbreviates 'עוסק מורשה': under it, an id opening with 0 is the issuer's, not a phone."""

    def test_the_id_under_the_abbreviation(self) -> None:
        layer = page(
            ("אלון הנדסה", 300, 50),
            ('עוס"מ', 420, 180),
            ("068040484", 380, 240),
            ("דרך בגין 143", 350, 300),
            ("קבלה - מקור", 350, 500),
            ('סה"כ 366.55', 350, 900),
            rtl=True,
        )
        assert extract_with_rules([layer]).vendor_tax_id == "068040484"
