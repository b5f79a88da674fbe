"""'Nº' whose underlined ordinal a scan or photo read as an e ('Ne'), alone in its cell: still the
document number's weak label, its value under it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.document_labels import INVOICE_NUMBER_WEAK

from .wordbox import page


class TestOrdinalReadAsE:
    """A cell that is only 'Ne' names the number under it; 'Ne' opening words does not."""

    def test_the_number_under_ne(self) -> None:
        laid_out = page(
            ("Garcia Servicios S.L.U.", 200, 100),
            ("FACTURA", 1900, 100),
            ("Pedido 4410882", 200, 200),
            ("Para", 200, 300),
            ("Levante Construcciones SL", 200, 350),
            ("Ne", 1900, 900),
            ("$771617", 1900, 960),  # its S read as a dollar sign too
            ("Fecha factura", 1900, 1040),
            ("14/11/2024", 1900, 1100),
            ("Total a pagar 5.125,90 EUR", 1600, 1400),
        )
        assert extract_with_rules([laid_out]).invoice_number == "S771617"

    def test_only_the_whole_cell(self) -> None:
        assert INVOICE_NUMBER_WEAK.match("Ne")
        assert INVOICE_NUMBER_WEAK.match("Ne:")
        assert not INVOICE_NUMBER_WEAK.match("Ne pas plier")
        assert not INVOICE_NUMBER_WEAK.match("Net")

    def test_its_colon_read_as_a_semicolon(self) -> None:
        assert INVOICE_NUMBER_WEAK.match("Ne;")
        assert not INVOICE_NUMBER_WEAK.match("Ne; plus")
        laid_out = page(
            ("SOL CONSTRUCCIONES S.L.U.", 200, 100),
            ("TICKET", 400, 200),
            ("Fecha de factura: 2024-09-06", 200, 300),
            ("Ne;", 200, 360),
            ("74/1070", 700, 360),
            ("Total 65,07", 200, 600),
        )
        assert extract_with_rules([laid_out]).invoice_number == "74/1070"


class TestOrdinalReadAsCent:
    """'Factura Nº:' with its º read as a cent sign ('Factura N¢: 2026-8649'): the number's label."""

    def test_the_number_after_n_cent(self) -> None:
        text = "Castilla Consultores S.A.\nTICKET\nFactura N¢: 2026-8649\nCajero: 19\nTotal 65,07"
        assert extract_with_rules([(1, text)]).invoice_number == "2026-8649"
        assert INVOICE_NUMBER_WEAK.match("N¢:")


def test_the_ordinal_read_as_a_registered_sign_before_factura() -> None:
    """'Nº factura' read 'N® factura' on a dev scan (seed 8), its value on the row under it."""
    laid_out = page(
        ("Castilla Servicios S.A.", 200, 100),
        ("Factura", 1900, 100),
        ("Calle del Sol 174", 200, 200),
        ("N® factura", 1700, 200),
        ("97373 Valencia", 200, 250),
        ("78/3498", 1700, 250),
        ("Fecha de factura", 1700, 400),
        ("09-02-2024", 1700, 450),
        ("Importe total 52016,16 EUR", 1600, 1400),
    )
    assert extract_with_rules([laid_out]).invoice_number == "78/3498"
