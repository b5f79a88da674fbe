"""Slanted print: the slant found from the ink alone, and a page in an oblique Hebrew face read
upright, its words' boxes back where the ink is."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.preprocess.slant import NOTE_PREFIX, estimate_slant
from invoiceme_ocr.tesseract import ocr_image
from tests.support import synthetic_pages as synthetic

LINES = (
    'גל טכנולוגיות בע"מ',
    "חשבונית מס מספר 6779956",
    "רחוב הרצל 17 ירושלים",
    "מספר עוסק מורשה 538968405",
    'סה"כ לתשלום 11,491.30',
)


def hebrew_page(font_path: str, dpi: int = 200) -> np.ndarray:
    page = Image.new("L", (round(6.5 * dpi), round(3.5 * dpi)), 255)
    draw, font = ImageDraw.Draw(page), ImageFont.truetype(font_path, round(13 * dpi / 72))
    for row, text in enumerate(LINES):
        width = draw.textlength(text, font=font, direction="rtl")
        draw.text(
            (page.width - dpi // 2 - width, dpi // 3 + row * round(0.5 * dpi)),
            text,
            font=font,
            fill=0,
            direction="rtl",
        )
    return np.asarray(page).copy()


FONTS = Path("/usr/share/fonts/truetype")
OBLIQUE_HEBREW = FONTS / "culmus/SimpleCLM-MediumOblique.ttf"
needs_fonts = pytest.mark.skipif(
    not (FONTS / "culmus").exists() or not (FONTS / "freefont").exists(),
    reason="culmus and freefont fonts (make test-system-deps)",
)


@needs_fonts
class TestEstimateSlant:
    @pytest.mark.parametrize(
        "face", ["culmus/SimpleCLM-Medium.ttf", "freefont/FreeSerif.ttf", synthetic.FONT_PATH]
    )
    def test_upright_print_has_no_slant(self, face: str) -> None:
        assert estimate_slant(hebrew_page(str(FONTS / face))) == 0

    def test_hebrew_obliques_lean_left(self) -> None:
        assert -16 <= estimate_slant(hebrew_page(str(OBLIQUE_HEBREW))) <= -8

    def test_latin_style_obliques_lean_right(self) -> None:
        assert 8 <= estimate_slant(hebrew_page(str(FONTS / "freefont/FreeSansOblique.ttf"))) <= 16

    def test_rules_and_frames_do_not_vote(self) -> None:
        page = hebrew_page(str(OBLIQUE_HEBREW))
        cv2.rectangle(page, (5, 5), (page.shape[1] - 6, page.shape[0] - 6), 0, 3)  # an upright frame
        for x in range(40, page.shape[1] // 3, 60):  # upright table rules, beside the (right-aligned) text
            cv2.line(page, (x, 0), (x, page.shape[0] - 1), 0, 2)
        for y in range(125, page.shape[0], 100):  # and between its lines (`hebrew_page`: one per 100 px)
            cv2.line(page, (0, y), (page.shape[1] - 1, y), 0, 2)
        assert -16 <= estimate_slant(page) <= -8

    def test_a_blank_page_has_no_slant(self) -> None:
        assert estimate_slant(np.full((600, 800), 255, np.uint8)) == 0


@needs_fonts
def test_an_oblique_hebrew_page_is_read_upright_with_boxes_on_its_ink() -> None:
    gray = hebrew_page(str(OBLIQUE_HEBREW))
    page = ocr_image(1, gray, OcrOptions(page_timeout_seconds=60))
    assert any(note.startswith(NOTE_PREFIX) for note in page.notes)
    assert "6779956" in page.text and "538968405" in page.text and "טכנולוגיות" in page.text
    ink = gray < 128
    for word in page.words:
        box = ink[word.top : word.top + word.height, word.left : word.left + word.width]
        assert box.size and box.mean() > 0.05, f"{word.text!r} boxed where there is no ink"
