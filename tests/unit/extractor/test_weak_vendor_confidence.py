"""A vendor name chosen on its place and print alone (large capitals at the top, no legal form, no
tax id, no second copy, not the payee) is not trusted as much as one with such a cue: a title or a
slogan in another language reads so too."""

from __future__ import annotations

from invoiceme_common.events import OcrPage
from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.parties import WEAK_NAME

from .wordbox import ocr_word


def _header_page(name: str) -> OcrPage:
    """`name` in display print over a body of small print."""
    words = [ocr_word(name, 100, 100, 0, height=90, confidence=1.0)]
    body = ["Rue des Lilas 4", "75011 Paris", "Facture 2211", "Total 120,00 EUR"]
    for line, text in enumerate(body, start=1):
        x = 100
        for part in text.split():
            words.append(ocr_word(part, x, 300 + 40 * line, line, confidence=1.0))
            x += 12 * (len(part) + 1)
    text = "\n".join([name, *body])
    return OcrPage(
        number=1, text=text, method="text_layer", confidence=1.0, width=2480, height=3508, words=words
    )


class TestWeakVendorConfidence:
    def test_a_name_on_print_alone_is_not_sure(self) -> None:
        found = read_fields([_header_page("MERIDIAN")])[0]["vendor_name"]
        assert found is not None and found.value == "MERIDIAN"
        assert found.confidence <= WEAK_NAME < 0.9

    def test_a_legal_form_keeps_the_name_sure(self) -> None:
        found = read_fields([_header_page("MERIDIAN SARL")])[0]["vendor_name"]
        assert found is not None and found.confidence == 0.9
