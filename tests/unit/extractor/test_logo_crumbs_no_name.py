"""A logo's strokes OCR read as letters in runs of one or two ('N VV', 'FE') beside the issuer's name,
parted from it by a bar read from a rule: no name, however large their print."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_words


def test_the_name_not_the_logos_letters() -> None:
    words = ocr_words("Sammy Maystone", 100, 100, 0)
    words += ocr_words("N VV | FE", 1200, 90, 0, height=60)
    words += ocr_words("smaystone4@fake.com", 100, 160, 1)
    words += ocr_words("# invoice_number_1", 1200, 220, 2)
    words += ocr_words("Bill To: Taylor Riddel", 100, 400, 3)
    words += ocr_words("Balance Due: $127.50", 1200, 460, 4)
    assert extract_with_rules([ocr_page(words)]).vendor_name == "Sammy Maystone"
