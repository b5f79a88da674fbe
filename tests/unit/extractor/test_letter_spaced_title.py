"""A title printed letter-spaced, which OCR reads in pieces of a few letters ('R EC U' for REÇU,
'חשב ונית מס' for חשבונית מס): the pieces joined name the type."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.titles import letters_joined, title_cell

from .wordbox import tall_page


class TestLetterSpacedTitle:
    def test_pieces_are_joined(self) -> None:
        assert letters_joined("49 rue du Commerce R EC U") == "49 ruedu Commerce RECU"
        assert letters_joined("חשב ונית מס = מק ור") == "חשבוניתמס = מקור"
        assert letters_joined("Invoice 2024-17") == "Invoice 2024-17"

    def test_a_spaced_receipt_title(self) -> None:
        layer = tall_page(("Provence Services EURL", 98, 100, 20), ("R EC U", 700, 140, 34))
        title = title_cell(document_lines([layer]))
        assert title is not None and title[2] == "receipt"

    def test_a_spaced_hebrew_tax_invoice_title(self) -> None:
        layer = tall_page(('Harbor Trading בע"מ', 98, 100, 20), ("חשב ונית מס = מק ור", 600, 140, 34))
        title = title_cell(document_lines([layer]))
        assert title is not None and title[2] == "tax_invoice"

    def test_words_that_join_into_no_title_name_none(self) -> None:
        layer = tall_page(("Al Ba Co", 98, 153, 34), ("8406744", 518, 240, 15))
        assert title_cell(document_lines([layer])) is None

    def test_a_title_with_its_last_letter_set_apart(self) -> None:
        # 'INVOIC E': the widest gap of a spaced title OCR read as a space (a fresh draw's scan, seed 41)
        layer = tall_page(("Atlas Partners Ltd", 98, 100, 20), ("INVOIC E", 700, 100, 34))
        title = title_cell(document_lines([layer]))
        assert title is not None and title[2] == "invoice"

    def test_a_name_ending_in_a_lone_initial_is_no_title(self) -> None:
        layer = tall_page(("Harbor Trading", 98, 100, 20), ("Martin J", 700, 100, 34))
        assert title_cell(document_lines([layer])) is None
