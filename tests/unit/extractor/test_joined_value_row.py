"""A header row over a value row whose cells OCR joined ('DE554915620 2024-06-01 - 2024-06-30
2024-06-28' under 'USt-ID-Nr. | Leistungszeitraum Bestelldatum'): the label's value is the part of
the joined cell in the label's own column."""

from __future__ import annotations

from invoiceme_common.events import OcrWord
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.geometry import own_column_part
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line

from .wordbox import ocr_page, ocr_word


def _cell(text: str, left: int, right: int, top: int) -> Cell:
    return Cell(text, Box(left, top, right, top + 20), 20.0, 0.9)


def _header() -> Line:
    cells = (_cell("USt-ID-Nr.", 667, 809, 360), _cell("Leistungszeitraum Bestelldatum", 910, 1330, 360))
    return Line("USt-ID-Nr. Leistungszeitraum Bestelldatum", 1, 1, Box(667, 360, 1330, 380), cells)


def _spaced(text: str, left: int, right: int, top: int, line: int) -> list[OcrWord]:
    """`text`'s words spread evenly from `left` to `right`, gaps small enough to make one cell."""
    parts, words = text.split(), []
    width = (right - left) / len(text)
    x = float(left)
    for part in parts:
        words.append(ocr_word(part, int(x), top, line, width=int(width * len(part))))
        x += width * (len(part) + 1)
    return words


class TestOwnColumnPart:
    def test_the_joined_cell_is_cut_at_the_next_header_cell(self) -> None:
        joined = _cell("DE554915620 2024-06-01 - 2024-06-30 2024-06-28", 667, 1339, 410)
        assert own_column_part(_header(), 0, joined).split()[0] == "DE554915620"
        assert "2024-06-30" not in own_column_part(_header(), 0, joined)

    def test_a_cell_under_the_label_alone_is_whole(self) -> None:
        alone = _cell("DE554915620", 667, 850, 410)
        assert own_column_part(_header(), 0, alone) == "DE554915620"

    def test_the_issuers_id_under_its_label_in_a_joined_row(self) -> None:
        words = [
            ocr_word("Falken", 164, 180, 0, width=150, height=40),
            ocr_word("Logistik", 330, 180, 0, width=180, height=40),
            ocr_word("RECHNUNG", 1577, 170, 0, width=280, height=50),
            ocr_word("Dokument-Nr.", 181, 360, 1),
            ocr_word("USt-ID-Nr.", 667, 360, 1),
            ocr_word("Leistungszeitraum", 910, 360, 1),
            ocr_word("Ihre", 1397, 360, 1),
            ocr_word("USt-IdNr.", 1450, 360, 1),
            ocr_word("38037", 181, 410, 2),
            *_spaced("DE554915620 2024-06-01 - 2024-06-30", 667, 1339, 410, 2),
            ocr_word("DE582243829", 1397, 410, 2),
            ocr_word("Rechnungsbetrag", 181, 700, 3),
            ocr_word("21.592,20", 900, 700, 3),
        ]
        assert extract_with_rules([ocr_page(words, width=2000)]).vendor_tax_id == "DE554915620"
