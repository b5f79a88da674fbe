"""A VAT table's sum row read when OCR garbled one of its rate rows: the column labels' first row
adds up too, but the sum row's gross is the amount due printed under it."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import ocr_page, ocr_word, ocr_words, page


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


def _ledger_foot(net_as_read: str) -> list[OcrWord]:
    """A two-rate table whose rates OCR garbled, its sum row's net read with one digit wrong, and the
    total printed again under it."""
    rows = [
        ("Atlas Trading LLC", 100, 100),
        ("Tax Invoice-Receipt S144722", 100, 160),
        ("Rate Net VAT Gross", 700, 500),
    ]
    words = [word for line, (text, left, top) in enumerate(rows) for word in ocr_words(text, left, top, line)]
    cells = [
        [("אע", 700), ("3,110.72", 900), ("528.82", 1150), ("3,639.54", 1400)],
        [("%", 700), ("29,620.43", 900), ("0.00", 1150), ("29,620.43", 1400)],
        [("Total", 700), (net_as_read, 900), ("528.82", 1150), ("33,259.97", 1400)],
        [("Total", 700), ("33,259.97", 1150), ("ILS", 1400)],
    ]
    for offset, row in enumerate(cells):
        line = len(rows) + offset
        words += [ocr_word(text, left, 560 + 50 * offset, line) for text, left in row]
    return words


class TestSumRowWithItsNetMisread:
    def test_the_net_is_the_gross_less_the_vat(self) -> None:
        result = extract_with_rules([ocr_page(_ledger_foot("92,731.15"))])
        assert (result.subtotal, result.vat_amount, result.total) == (32731.15, 528.82, 33259.97)
        assert result.confidence["subtotal"] < 0.9  # repaired, not read

    def test_a_net_two_digits_off_is_no_misread(self) -> None:
        result = extract_with_rules([ocr_page(_ledger_foot("92,781.15"))])
        assert result.subtotal != 32731.15
