"""A window envelope's sender row ('Orion Systems · 173 Market Street, Leeds') over an unlabelled
block of name, street and town: the block is the customer's; a row of the document's facts (a date,
a party's label) is no sender row."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.window_address import window_recipient_cells

from .wordbox import page


def _texts(placed: list[tuple[str, int, int]]) -> set[str]:
    lines = document_lines([page(*placed)])
    return {lines[index].cells[cell].text for index, cell in window_recipient_cells(lines)}


class TestWindowEnvelopeRecipient:
    def test_the_block_under_the_sender_row_is_the_customers(self) -> None:
        placed = [
            ("Orion Systems · 173 Market Street, Leeds", 200, 606),
            ("Cedar Foods Inc.", 200, 657),
            ("117 Market Street", 200, 712),
            ("Austin", 200, 767),
        ]
        assert _texts(placed) == {"Cedar Foods Inc.", "117 Market Street", "Austin"}

    def test_a_row_with_a_date_is_no_sender(self) -> None:
        placed = [
            ("Date: 15th February 2025 Client: Atlas Foods Inc.", 177, 438),
            ("Harbor Trading Inc.", 177, 490),
            ("103 Market Street, Tel Aviv", 177, 545),
        ]
        assert _texts(placed) == set()

    def test_a_block_not_opened_by_a_name_is_nobodys(self) -> None:
        placed = [
            ("Orion Systems · 173 Market Street, Leeds", 200, 606),
            ("Tel +1 760 468 1928", 200, 657),
            ("117 Market Street", 200, 712),
        ]
        assert _texts(placed) == set()

    def test_a_street_ocr_damaged_the_town_under_it_still_says_address(self) -> None:
        """'Industriestrabe 141' (ß read as b) is no street to the lexicon; '10092 Stuttgart' under it
        is a postcode and town: the block, and the VAT id it ends with, are the customer's (a dev photo,
        seed 7, whose vendor id was the customer's)."""
        placed = [
            ("Rhein Technik e.K. - Hauptstrae 143, 22029 Munchen", 94, 310),
            ("Rhein Service e.K.", 94, 346),
            ("Industriestrabe 141", 94, 384),
            ("10092 Stuttgart", 94, 422),
            ("USt-ID-Nr.: DE137 223 657", 94, 459),
        ]
        assert "USt-ID-Nr.: DE137 223 657" in _texts(placed)
