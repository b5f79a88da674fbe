"""A VAT table's sum row read when OCR garbled one of its rate rows: the column labels' first row
adds up too, but the sum row's gross is the amount due printed under it."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

from .wordbox import page


def _table(base_21: str) -> list[tuple[str, int, int]]:
    return [
        ("Factura Nº 3685721", 100, 100),
        ("Descripcion", 100, 200),
        ("Uds.", 700, 200),
        ("P-unit.", 900, 200),
        ("Subtotal", 1300, 200),
        ("Productos de limpieza", 100, 250),
        ("1", 700, 250),
        ("1.113,32 EUR", 900, 250),
        ("1.113,32 EUR", 1300, 250),
        ("Tipo IVA", 100, 400),
        ("Base imponible", 500, 400),
        ("Cuota IVA", 900, 400),
        ("Total", 1300, 400),
        ("21%", 100, 450),
        (base_21, 500, 450),
        ("233,80", 900, 450),
        ("1.347,12", 1300, 450),
        ("10%", 100, 500),
        ("1.488,18", 500, 500),
        ("148,82", 900, 500),
        ("4.637,00", 1300, 500),
        ("Total", 100, 550),
        ("a", 300, 550),
        ("2.601,50", 500, 550),
        ("382,62", 900, 550),
        ("2.984,12", 1300, 550),
        ("Total a pagar", 100, 620),
        ("2.984,12 EUR", 1300, 620),
    ]


class TestSumRowOfAVatTable:
    """The items' 'Subtotal' column reads the first item (1.113,32), which with the 21 % row's VAT
    and gross agrees to the cent; the sum row's gross is the one the total-due label reads."""

    def test_the_sum_row_when_a_rate_row_is_garbled(self) -> None:
        found = extract_with_rules([page(*_table("lst 3;32"))])
        assert (found.subtotal, found.vat_amount, found.total) == (2601.5, 382.62, 2984.12)
