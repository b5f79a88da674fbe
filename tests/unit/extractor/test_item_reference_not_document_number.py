"""'Ref. 952047' under an item in the item table is the article's reference, not the document's number;
a weak 'Réf.' label in a side panel level with the table still names the document."""

from __future__ import annotations

from invoiceme_extractor.rules import read_fields

_TABLE = """\
SD Sol Distribuciones S.L.U.
FACTURA 61605
Fecha factura 17-abr-2025
# SKU Concepto Cant. Precio Total
1 55506 Licencia de software
Ref. 952047
1,5 ud. 1181,03 1771,55
2 55637 Instalación 1 ud. 495,00 495,00
2266,55 Base imponible
476,00 Cuota IVA
2742,55 € Total a pagar
"""


def test_an_items_reference_under_the_table_header_is_no_document_number() -> None:
    found, _ = read_fields([(1, _TABLE)])
    assert found["invoice_number"].value == "61605"


def test_a_weak_label_above_the_table_still_names_the_document() -> None:
    text = _TABLE.replace("FACTURA 61605\n", "FACTURA\nRef. 61605\n")
    found, _ = read_fields([(1, text)])
    assert found["invoice_number"].value == "61605"
