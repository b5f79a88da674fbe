"""'Página 1 de 1' (its accent lost or not) is a page marker, never the issuer's name."""

from __future__ import annotations

from invoiceme_extractor.rules.contact_words import NOT_A_NAME
from invoiceme_extractor.rules.lines import document_lines
from invoiceme_extractor.rules.parties import find_vendor_name


class TestSpanishPageMarker:
    def test_the_marker_is_no_name(self) -> None:
        assert NOT_A_NAME.search("Pagina 1 de 1")
        assert NOT_A_NAME.search("Página 2 de 3")

    def test_a_page_of_only_the_marker_names_nobody(self) -> None:
        lines = document_lines([(1, "FACTURA RECTIFICATIVA\nImportes en EUR\nPagina 1 de 1")])
        found = find_vendor_name(lines, None)
        assert found is None or "Pagina" not in found.value
