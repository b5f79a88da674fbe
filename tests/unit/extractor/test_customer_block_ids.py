"""An id under a tax-id label inside the customer's block ('Bill To: ... VAT Reg. No. 530516764') is
the customer's wherever else the page prints it: a header row 'Your VAT | VAT Reg. No' over both
parties' ids (the customer's label garbled, its id first) gives the issuer's the other one."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_words


def _receipt(customer_id: str) -> list[OcrWord]:
    return [
        *ocr_words("Your VAT", 697, 21, 0),
        *ocr_words("VAT Reg. Ne", 932, 21, 0),
        *ocr_words("530516764", 695, 58, 1),
        *ocr_words("519614341", 930, 58, 1),
        *ocr_words("Bright Consulting LLC", 60, 120, 2, height=36),
        *ocr_words("Sales Receipt", 700, 160, 3),
        *ocr_words("Document Number", 700, 220, 4),
        *ocr_words("4139536", 700, 250, 5),
        *ocr_words("Bill To:", 60, 400, 6),
        *ocr_words("Cedar & Harbor Inc.", 60, 430, 7),
        *ocr_words("98 Harbor Road, Austin", 60, 460, 8),
        *ocr_words(f"VAT Reg. No. {customer_id}", 60, 490, 9),
        *ocr_words("Total", 60, 600, 10),
        *ocr_words("1,266.66", 900, 600, 10),
    ]


class TestCustomerBlockIds:
    def test_the_customers_id_in_the_header_row_is_not_the_issuers(self) -> None:
        assert extract_with_rules([ocr_page(_receipt("530516764"))]).vendor_tax_id == "519614341"
