"""A document number in a wide-tracked font that OCR split at spaces ('B 1425 2' for B14252), alone
in its cell under the title: read joined, not as its longest piece."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_words


def _receipt(number_cell: str) -> list[OcrWord]:
    return [
        *ocr_words("Atlantique Batiment SARL", 185, 140, 0, height=60),
        *ocr_words("RECU", 2124, 151, 0, height=60),
        *ocr_words("Votre partenaire", 185, 268, 1),
        *ocr_words(number_cell, 2127, 251, 1, height=40),
        *ocr_words("4 boulevard Voltaire, 22631 Nantes", 183, 332, 2),
        *ocr_words("Net a payer 18 522,65 €", 183, 1500, 3),
    ]


class TestTrackedCodes:
    def test_a_split_code_under_the_title_is_read_joined(self) -> None:
        assert extract_with_rules([ocr_page(_receipt("B 1425 2"), width=2480)]).invoice_number == "B14252"

    def test_a_code_read_whole_is_unchanged(self) -> None:
        assert extract_with_rules([ocr_page(_receipt("B14252"), width=2480)]).invoice_number == "B14252"
