"""A type word between the words of a label OCR damaged and the label's colon ('Némero de factura:' on a
dev photo of a till slip titled 'Recibo') names a field, not the document: the slip stays a receipt."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.titles import names_a_field, type_of

from .wordbox import page


def test_words_before_the_type_word_and_a_colon_after_it_make_a_label() -> None:
    for text in ("Némero de factura:", "Nro. de factura:", "Date of invoice :"):
        named = type_of(text)
        assert named is not None and names_a_field(text, named), text
    for title in ("Factura:", "Tax Invoice:", "Recibo"):
        named = type_of(title)
        assert named is not None and not names_a_field(title, named), title


def test_a_slip_titled_recibo_is_a_receipt() -> None:
    placed = (
        ("Castilla Servicios S.L.", 100, 100),
        ("NIF: ESB82249020", 100, 150),
        ("Recibo", 100, 260),
        ("Némero de factura: A-70207", 100, 320),
        ("Subtotal 415.53", 100, 600),
        ("IVA (10%) 41.55", 100, 650),
        ("Total a pagar 457.08", 100, 700),
    )
    assert extract_with_rules([page(*placed)]).document_type == "receipt"
