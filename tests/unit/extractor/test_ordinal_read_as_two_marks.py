"""'Factura Nº' whose ordinal a scan read as two marks ('Factura N2&', 'Facture N°®'), ending its cell
or before its colon: the document number's label, its value under it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER


def test_two_marks_for_the_ordinal() -> None:
    assert INVOICE_NUMBER.search("Factura N2&")
    assert INVOICE_NUMBER.search("Facture N°® :")
    assert not INVOICE_NUMBER.search("Factura N2& 5 unidades")  # not ending its cell


def test_the_number_under_the_label() -> None:
    text = (
        "Castilla Tecnologia S.L.U.\nFecha factura\n11-sep-2024\nFactura N2&\n2025-6264\nPara:\n"
        "Castilla Consultores SL\nImporte total 252,85 EUR"
    )
    assert extract_with_rules([(1, text)]).invoice_number == "2025-6264"
