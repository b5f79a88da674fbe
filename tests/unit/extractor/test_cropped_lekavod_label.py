"""'לכבוד' cropped to 'לכב' with its geresh read as a double mark ('לכב "'): still the customer's
block label, so the name under it is the customer's, not the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.blocks import party_cells
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


def test_cropped_label_matches_and_words_holding_it_do_not() -> None:
    assert party_labels.BUYER_BLOCK.search('לכב "')
    assert party_labels.BUYER_BLOCK.search("לכב")
    assert not party_labels.BUYER_BLOCK.search("ללכבות")


def test_the_name_under_the_cropped_label_is_the_customers() -> None:
    words = [
        *ocr_words('" לכב', 1200, 100, 0),
        *ocr_words("שירותים ארבל", 300, 90, 1, height=30),
        *ocr_words("Granite Consulting", 1080, 150, 2),
    ]
    lines = document_lines([ocr_page(words)])
    cells = party_cells(lines, party_labels.BUYER_BLOCK)
    named = {lines[row].cells[index].text for row, index in cells}
    assert "Granite Consulting" in named and "ארבל שירותים" not in named
