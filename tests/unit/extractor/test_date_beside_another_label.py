"""An issue date OCR read into one cell with the next column's label ('Date d'émission:' |
'03.06.2025 Période de facturation:' | '01.05.2025 - 31.05.2025'), or a label, its date, another label
and its dates all in one cell: each label keeps the date printed after it and before the next label."""

from __future__ import annotations

from invoiceme_common.events import OcrPage
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.date_label_kinds import before_own_label

from .wordbox import ocr_page, ocr_words

HEAD = ["Recu", "Numéro: 2026-7010"]
TAIL = ["Martin Services EURL", "156 rue du Commerce, 68657 Bordeaux", "Total a payer €18 740,16"]


def _page(dates_row: list[tuple[str, int]]) -> OcrPage:
    words = [w for index, text in enumerate(HEAD) for w in ocr_words(text, 100, 100 + 60 * index, index)]
    for text, left in dates_row:  # cells of one row, far apart
        words += ocr_words(text, left, 220, 2)
    for index, text in enumerate(TAIL, start=3):
        words += ocr_words(text, 100, 100 + 60 * index, index)
    return ocr_page(words)


def test_the_date_before_the_next_columns_label() -> None:
    row = [
        ("Date d'émission:", 100),
        ("03.06.2025 Période de tacturation:", 400),
        ("01.05.2025 - 31.05.2025", 900),
    ]
    assert extract_with_rules([_page(row)]).invoice_date == "2025-06-03"


def test_two_labels_and_their_dates_in_one_cell() -> None:
    row = [("Date d'émission: 03.06.2025 Période de facturation: 01.05.2025 - 31.05.2025", 100)]
    assert extract_with_rules([_page(row)]).invoice_date == "2025-06-03"


def test_only_what_comes_before_a_label() -> None:
    assert before_own_label("03.06.2025 Période de facturation:") == "03.06.2025 "
    assert before_own_label("Période de facturation: 01.05.2025") == ""
    assert before_own_label("03.06.2025") == ""
