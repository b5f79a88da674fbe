"""A Malaysian address line ('KAWASAN PERINDUSTRIAN BALAKONG', 'TAMAN BERKELEY', 'Jln Kebudayaan 7')
is an address, not the issuer's name, when OCR lost the name above it or read it unsurely; a branch
named after one keeps its company suffix and stays a name."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.contact_words import CONTINENTAL_STREET


class TestMalaysianAddressNotAName:
    def test_the_address_words(self) -> None:
        for line in ("KAWASAN PERINDUSTRIAN BALAKONG", "TAMAN BERKELEY", "Jln Kebudayaan 7", "LORONG 3"):
            assert CONTINENTAL_STREET.search(line), line

    def test_an_industrial_estate_is_no_name(self) -> None:
        page = "\n".join(
            [
                "(CO Reg 86::",
                "LOT 1851-A, JALAN KPB 6,",
                "KAWASAN PERINDUSTRIAN BALAKONG,",
                "43300 SERI KEMBANGAN, SELANGOR",
                "TAX INVOICE",
                "Total Incl. GST RM 37.10",
            ]
        )
        assert extract_with_rules([(1, page)]).vendor_name != "KAWASAN PERINDUSTRIAN BALAKONG"

    def test_a_branch_named_after_a_taman_keeps_its_name(self) -> None:
        page = "BOOK STORE (TAMAN DAYA) SDN BHD\nNo 5, Jalan Daya 2\nTotal 12.00"
        assert extract_with_rules([(1, page)]).vendor_name == "BOOK STORE (TAMAN DAYA) SDN BHD"
