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
