"""'Licensed Dealer No.' is עוסק מורשה in English (an Israeli business's English receipt): the VAT
registration, stronger than a company registration number printed above it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.party_labels import TAX_ID

from .wordbox import page


class TestLicensedDealerLabel:
    """The id under 'Licensed Dealer No.' is the vendor's tax id."""

    def test_the_dealer_number_beats_the_company_registration(self) -> None:
        laid_out = page(
            ("Cedar Systems Ltd", 900, 100),
            ("Company Reg. No. 138795-H", 800, 160),
            ("58 Harbor Road, Manchester", 800, 220),
            ("Licensed Dealer No.", 850, 280),
            ("39-544528-1", 950, 340),
            ("RECEIPT", 1100, 500),
            ("Invoice Number: 2025-6490", 400, 560),
            ("Total incl. VAT 299.00 NIS", 400, 900),
        )
        assert extract_with_rules([laid_out]).vendor_tax_id == "395445281"

    def test_transliterated_label(self) -> None:
        assert TAX_ID.search("Osek Murshe 514250703")
