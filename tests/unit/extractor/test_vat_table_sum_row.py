"""A VAT table's sum row read when OCR garbled one of its rate rows: the column labels' first row
adds up too, but the sum row's gross is the amount due printed under it."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.amount_candidates import candidates
from invoiceme_extractor.rules.amounts import same_or_head_lost
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.sum_row import sum_row_triple

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


class TestSumRowUnderAHeadLostDue:
    """The sum row's label with a speck read as a full stop ('סה"ב.'), and the amount due under it
    read with its head lost ('02.55' for 7,002.55): still the invoice's net, VAT and gross."""

    def test_the_sum_row_is_read(self) -> None:
        lines = [
            Line('שיעור מע"מ | לפני מע"מ | מע"מ | כולל מע"מ', 1, 0),
            Line("18% | 4348.30 | 872.69 | 5,720.99", 1, 1),
            Line("1,281.56 | 0.00 | 1,281.56 | O%", 1, 2),
            Line('סה"ב. | 6,129.86 | 872.69 | 7,002.55', 1, 3),
            Line('סה"כ לתשלום | 02.55 ש"ח', 1, 4),
        ]
        lines = [_celled(line) for line in lines]
        trio = sum_row_triple(candidates(lines), lines)
        assert trio is not None and [item[0] for item in trio] == [6129.86, 872.69, 7002.55]

    def test_head_lost_reads(self) -> None:
        assert same_or_head_lost(2.55, "02.55", 7002.55)
        assert not same_or_head_lost(2.55, "2.55", 7002.55)  # no zero opening it: an amount of its own
        assert not same_or_head_lost(12.55, "012.55", 7002.55)


def _celled(line: Line) -> Line:
    """The line with a cell per ' | '-separated part, as OCR's word boxes make them."""
    parts = line.text.split(" | ")
    box = Box(0, 0, 10, 10)
    cells = tuple(
        Cell(text=part, box=box, font=10.0, confidence=0.9, number_confidence=0.9) for part in parts
    )
    return Line(" ".join(parts), line.page, line.index, box, cells)
