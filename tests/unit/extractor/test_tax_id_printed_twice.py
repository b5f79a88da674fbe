"""An id the page prints twice (the issuer's header and its footer's legal line) is the issuer's; a
customer's id, in a block whose label OCR garbled ('ciiex:' for Client:), is printed once."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line, document_lines
from invoiceme_extractor.rules.tax_ids import tax_id_candidates

from .wordbox import ocr_page, ocr_words

_TEXTS = [
    "Atlantique Distribution SARL ciiex:",
    "Atlantique Conseil SARL",
    "TVA intracom.: FR 41852769819",
    "TVA intra",
    "FR77 930453154",
    "AVOIR Référence INV-76930",
    "Licence logicielle 3 -28755,00 €",
    "-34914,00 € Total a payer",
    "Merci pour votre confiance",
    "Atlantique Distribution SARL - TVA intra FR 77930453154 - 34 avenue Victor Hugo, 23261 Nantes",
]


def _ranked(confidence: float) -> list[str]:
    words = [
        word
        for index, text in enumerate(_TEXTS)
        for word in ocr_words(text, 100, 100 + 40 * index, index, confidence=confidence)
    ]
    return [candidate.value for candidate in tax_id_candidates(document_lines([ocr_page(words)]), set())]


def test_the_id_read_twice_outranks_the_one_read_once() -> None:
    ranked = tax_id_candidates([Line(text, 1, index) for index, text in enumerate(_TEXTS)], set())
    assert [candidate.value for candidate in ranked] == ["FR77930453154", "FR41852769819"]
    assert _ranked(confidence=0.9) == ["FR77930453154", "FR41852769819"]  # OCR'd words


def test_a_text_layer_gets_no_bonus() -> None:
    """On a text layer (every word at confidence 1.0) the labels are as printed, and real invoices print
    the buyer's id twice too (a Factur-X header and its legal lines): the count says nothing there."""
    assert _ranked(confidence=1.0) == ["FR41852769819", "FR77930453154"]
