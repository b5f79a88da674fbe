"""A customer's block in the header's right column ('Prepared for:') over a row of the document's
facts across the page ('Invoice No. | Invoice Date | Company No. | PO Number', their values under
them): the block ends at that row, so the issuer's 'Company No.' and its id stay the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.blocks import party_cells
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import ocr_page, ocr_words


def _page(facts: list[tuple[str, int]], values: list[tuple[str, int]], top: int = 270):  # type: ignore[no-untyped-def]
    words = ocr_words("Bright Partners", 144, 134, 0) + ocr_words("Prepared for:", 800, 134, 0)
    words += ocr_words("137 Market Street, Austin", 144, 180, 1) + ocr_words("Orion Systems Ltd", 800, 180, 1)
    words += ocr_words("63 Harbor Road, Tel Aviv", 800, 229, 2)
    for text, left in facts:
        words += ocr_words(text, left, top, 3)
    for text, left in values:
        words += ocr_words(text, left, top + 40, 4)
    return document_lines([ocr_page(words)])


def _customer_texts(lines) -> set[str]:  # type: ignore[no-untyped-def]
    refs = party_cells(lines, party_labels.BUYER_BLOCK)
    return {lines[index].cells[cell].text for index, cell in refs}


class TestBlockEndsAtLabelRow:
    def test_the_facts_row_and_its_values_are_not_the_customers(self) -> None:
        lines = _page(
            [("Invoice No.", 150), ("Invoice Date", 400), ("Company No.", 800), ("PO Number", 1050)],
            [("9402455", 150), ("23.07.2025", 400), ("518856000", 800), ("923070", 1050)],
        )
        texts = _customer_texts(lines)
        assert "63 Harbor Road, Tel Aviv" in texts
        assert "Company No." not in texts and "518856000" not in texts

    def test_a_single_label_under_the_block_stays_in_it(self) -> None:
        lines = _page([("VAT No.", 800)], [("GB123456789", 800)])
        assert {"VAT No.", "GB123456789"} <= _customer_texts(lines)

    def test_a_name_in_the_column_beside_bare_labels_stays_in_the_block(self) -> None:
        # the row has three bare labels, but the block's column holds a name: the block goes on
        lines = _page([("Invoice No.:", 150), ("Date:", 450), ("Harbor Foods Ltd", 800), ("Due:", 1050)], [])
        assert "Harbor Foods Ltd" in _customer_texts(lines)
