"""An id the page prints twice (the issuer's header and its footer's legal line) is the issuer's; a
customer's id, in a block whose label OCR garbled ('ciiex:' for Client:), is printed once."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.tax_ids import tax_id_candidates


def test_the_id_read_twice_outranks_the_one_read_once() -> None:
    texts = [
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
    ranked = tax_id_candidates([Line(text, 1, index) for index, text in enumerate(texts)], set())
    assert [candidate.value for candidate in ranked] == ["FR77930453154", "FR41852769819"]
