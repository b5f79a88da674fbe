"""A second read of an OCR'd page at 0.7 ×, carried on the page with its boxes in the page's pixels."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from invoiceme_common.events import OcrDocument
from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord
from invoiceme_ocr import tesseract
from invoiceme_ocr.engine import OcrOptions, UnreadableDocument
from invoiceme_ocr.second_reads import (
    in_pixels_of,
    text_width_in_word_heights,
    wants_second_read,
    with_second_read,
)
from invoiceme_ocr.tesseract import ocr_image


def _box_of(page: OcrPage, text: str) -> tuple[int, int, int, int]:
    word = next(word for word in page.words if text in word.text)
    return word.left, word.top, word.width, word.height


def test_an_ocr_page_carries_its_second_read_in_its_own_pixels(
    english_page: np.ndarray, options: OcrOptions
) -> None:
    page = ocr_image(1, english_page, options)
    second = page.second_read
    assert second is not None and second.second_read is None
    assert "4821" in second.text and "27,081.00" in second.text
    assert (second.width, second.height) == (page.width, page.height)
    first_box, second_box = _box_of(page, "27,081"), _box_of(second, "27,081")
    for first_edge, second_edge in zip(first_box, second_box, strict=True):
        assert abs(first_edge - second_edge) <= 0.1 * page.width  # the same place, not 0.7 × of it


def test_the_second_read_survives_the_stored_document(english_page: np.ndarray, options: OcrOptions) -> None:
    """The extractor gets the OCR result from the object store as OcrDocument JSON."""
    page = ocr_image(1, english_page, options)
    stored = OcrDocument(pages=[page], media_type="image/png").model_dump_json()
    again = OcrDocument.model_validate_json(stored).pages[0]
    assert again.second_read == page.second_read and again.second_read is not None


def test_the_second_read_can_be_turned_off(english_page: np.ndarray, options: OcrOptions) -> None:
    page = ocr_image(1, english_page, dataclasses.replace(options, second_read=False))
    assert page.second_read is None


def test_boxes_are_scaled_to_the_first_reads_size() -> None:
    word = OcrWord(text="TOTAL", left=70, top=140, width=35, height=14, confidence=0.9)
    second = OcrPage(
        number=1, text="TOTAL", method="ocr", confidence=0.9, width=700, height=1400, words=[word]
    )
    first = dataclasses.replace(second, width=1000, height=2000)
    scaled = in_pixels_of(second, first)
    assert (scaled.width, scaled.height) == (1000, 2000)
    assert _box_of(scaled, "TOTAL") == (100, 200, 50, 20)


def _column(width: int, method: str = "ocr") -> OcrPage:
    """A page of 20 lines of 30 px print, `width` pixels wide."""
    lines = [OcrLine(text="Nasi lemak 1 x 4.50", left=100, top=40 * row, width=width, height=30,
                     confidence=0.9) for row in range(20)]  # fmt: skip
    words = [OcrWord(text="lemak", left=100, top=40 * row, width=150, height=30, confidence=0.9,
                     line=row) for row in range(20)]  # fmt: skip
    text = "\n".join(line.text for line in lines)
    return OcrPage(number=1, text=text, method=method, confidence=0.9, width=width + 200, height=900,
                   words=words, lines=lines)  # fmt: skip


def test_a_narrow_column_of_print_is_read_again_and_a_page_wide_one_is_not() -> None:
    assert text_width_in_word_heights(_column(900)) == 30.0
    assert wants_second_read(_column(900))  # a till slip: ~40 characters a line
    assert not wants_second_read(_column(2100))  # an A4 invoice's lines: 70 word heights


def test_only_pages_tesseract_read_are_read_again() -> None:
    assert not wants_second_read(_column(900, method="text_layer"))
    assert not wants_second_read(dataclasses.replace(_column(900), words=[], lines=[]))
    assert text_width_in_word_heights(dataclasses.replace(_column(900), words=[], lines=[])) is None


def test_a_speck_beside_the_column_does_not_widen_it() -> None:
    page = _column(900)
    speck = OcrLine(text="~~~", left=2400, top=10, width=40, height=30, confidence=0.2)
    assert wants_second_read(dataclasses.replace(page, lines=[*page.lines, speck]))


def test_a_second_read_out_of_time_leaves_the_first_read_alone() -> None:
    def out_of_time(image: np.ndarray, colour: np.ndarray | None) -> OcrPage:
        raise UnreadableDocument("page 1 took longer than 3 s to read")

    page = _column(900)
    assert with_second_read(page, np.full((900, 1100), 255, np.uint8), None, out_of_time) == page


def test_the_second_read_gets_the_time_the_first_left(
    english_page: np.ndarray, options: OcrOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    limits = []
    original = tesseract.read_once

    def timed(
        number: int, gray: np.ndarray, options: OcrOptions, colour: np.ndarray | None = None
    ) -> OcrPage:
        limits.append(options.page_timeout_seconds)
        return original(number, gray, options, colour)

    monkeypatch.setattr(tesseract, "read_once", timed)
    tesseract.ocr_image(1, english_page, dataclasses.replace(options, page_timeout_seconds=30))
    assert limits[0] == 30 and 1 <= limits[1] < 30
