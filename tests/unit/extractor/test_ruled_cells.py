"""A table's ruled line OCR read as a bar between two words of a row ('01 Nov 2025 - 30 Nov 2025 |
5923217') parts two cells, however narrow the gap: the number under 'Invoice Number' is its own cell,
and the label over it names it."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.layout import split_cells

from .wordbox import ocr_page, ocr_word, ocr_words


def _row(*placed: tuple[str, int]) -> list[OcrWord]:
    return [ocr_word(text, left, 200, 0) for text, left in placed]


def test_a_bar_between_words_parts_cells_in_an_ocr_read() -> None:
    words = _row(("30", 100), ("Nov", 136), ("2025", 184), ("|", 240), ("5923217", 262))
    assert [cell.text for cell in split_cells(words, ocr=True)] == ["30 Nov 2025", "5923217"]
    # a text layer's bar is a character the PDF holds, and a bar opening a cell is a crumb of its edge
    assert [cell.text for cell in split_cells(words)] == ["30 Nov 2025 | 5923217"]
    opening = _row(("|", 100), ("Numéro", 122))
    assert [cell.text for cell in split_cells(opening, ocr=True)] == ["Numéro"]


def test_the_number_under_its_label() -> None:
    header = "Service Period", "Invoice Number", "Billing Date"
    words = ocr_words("Cedar Supplies Ltd Credit Memo", 200, 100, 0)
    for text, left in zip(header, (198, 730, 1262), strict=True):
        words += ocr_words(text, left, 300, 1)
    words += ocr_words("01 Nov 2025 - 30 Nov 2025 | 5923217", 198, 360, 2)
    words += ocr_words("19 Nov 2025", 1263, 360, 2)
    words += ocr_words("TOTAL (26.14) EUR", 198, 700, 3)
    assert extract_with_rules([ocr_page(words)]).invoice_number == "5923217"


def test_a_title_of_two_types_parted_at_its_bar_stays_one() -> None:
    words = ocr_words("Blue Foods Co.", 262, 100, 0)
    words += ocr_words("TAX INVOICE | RECEIPT", 839, 100, 0, height=30)
    words += ocr_words("Invoice Number", 1200, 100, 0)
    words += ocr_words("C72291", 1200, 160, 1)
    words += ocr_words("Total 1,234.00", 839, 700, 2)
    assert extract_with_rules([ocr_page(words)]).document_type == "tax_invoice_receipt"
