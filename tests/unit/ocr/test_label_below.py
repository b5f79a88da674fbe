"""The id printed under its label (`label_below`), read when the strip beside the label has none."""

from __future__ import annotations

import numpy as np

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord
from invoiceme_ocr.label_below import first_row, strip_below
from invoiceme_ocr.label_values import reread_label_values
from invoiceme_ocr.tax_id_labels import Label


def test_the_strip_under_a_label_reaches_out_on_either_side() -> None:
    label = Label((0,), left=400, top=100, right=500, bottom=120, rtl=True)
    assert strip_below(label, 320, 2000, 3000) == (80, 120, 820, 200)


def test_the_first_row_of_print_under_it() -> None:
    ink = np.zeros((80, 300), np.uint8)
    ink[30:50, 20:200] = 1  # the value's row
    ink[60:78, 0:300] = 1  # the next row
    (left, top, right, bottom), height = first_row((100, 1000, 400, 1080), ink)  # type: ignore[misc]
    assert (left, right, height) == (100, 400, 20) and top <= 1030 and 1050 <= bottom < 1060
    assert first_row((100, 1000, 400, 1080), np.zeros((80, 300), np.uint8)) is None


def test_the_id_under_its_label_is_read() -> None:
    label = OcrWord(text="VAT No.", left=100, top=100, width=90, height=20, confidence=0.9, line=0)
    page = OcrPage(
        number=1,
        text="VAT No.",
        method="ocr",
        confidence=0.9,
        width=1000,
        height=400,
        words=[label],
        lines=[OcrLine(text="VAT No.", left=100, top=100, width=90, height=20, confidence=0.9)],
    )
    gray = np.full((400, 1000), 255, np.uint8)
    gray[104:116, 100:190] = 0  # the label
    gray[135:155, 100:300] = 0  # the value under it
    crops = []

    def read_line(crop: np.ndarray) -> dict[str, list]:
        crops.append(crop.shape)
        found = len(crops) > 3  # the strip beside (three reads) is white paper, the one under holds the id
        return {
            "text": ["DE136695976"] if found else [],
            "conf": [90] if found else [],
            "left": [10] if found else [],
            "top": [10] if found else [],
            "width": [100] if found else [],
            "height": [20] if found else [],
        }

    read = reread_label_values(page, gray, read_line)
    assert "DE136695976" in read.text


def test_a_boxed_cells_sides_and_specks_are_no_row_of_print() -> None:
    """A box round label and value puts its sides in every row under the label; with a scan's specks
    beside them they made a thin "row" above the value (seed 8, a boxed Hebrew vendor id)."""
    ink = np.zeros((72, 654), np.uint8)
    ink[:, 0:2] = ink[:, 650:652] = 1  # the box's sides
    for x in (230, 512):  # specks above the value: with the sides, over 1 % of the strip's width
        ink[12:24, x : x + 2] = 1
    ink[33:64, 200:500] = 1  # the value's row, 31 px
    row = first_row((639, 506, 1293, 578), ink, min_height=9)
    assert row is not None
    (_, top, _, bottom), height = row
    assert height == 31 and top <= 506 + 33 and bottom >= 506 + 64


def test_a_row_shorter_than_half_the_label_is_skipped() -> None:
    ink = np.zeros((80, 300), np.uint8)
    ink[5:11, 0:300] = 1  # 6 px: a rule's shadow, a line of specks
    ink[30:50, 20:200] = 1
    row = first_row((0, 0, 300, 80), ink, min_height=10)
    assert row is not None and row[1] == 20
