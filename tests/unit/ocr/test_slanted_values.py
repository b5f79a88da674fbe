"""Values printed slanted on an upright form: the slant found on the ink the read is unsure of, and
the words of a sheared read taken only where they beat the first read on that ink."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from invoiceme_common.ocr_pages import OcrPage, OcrWord
from invoiceme_ocr import slanted_values
from invoiceme_ocr.preprocess.slant import estimate_slant

from .test_slant import FONTS, needs_fonts

LABELS = ("חשבונית מס מספר", "תאריך", "מספר עוסק מורשה", 'סה"כ לתשלום', 'מע"מ 17%')
VALUES = ("6779956", "20/09/2024", "538968405", "11,491.30", "1,669.68")


def form_page(dpi: int = 200) -> np.ndarray:
    """Upright Hebrew labels at the right, each with its value in a right-leaning oblique at the left
    (at 200 DPI a row every 100 px from y=66)."""
    page = Image.new("L", (round(6.5 * dpi), round(3.5 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    size = round(13 * dpi / 72)
    label_font = ImageFont.truetype(str(FONTS / "culmus/SimpleCLM-Medium.ttf"), size)
    value_font = ImageFont.truetype(str(FONTS / "freefont/FreeSansOblique.ttf"), size)
    for row, (label, value) in enumerate(zip(LABELS, VALUES, strict=True)):
        y = dpi // 3 + row * round(0.5 * dpi)
        width = draw.textlength(label, font=label_font, direction="rtl")
        draw.text((page.width - dpi // 2 - width, y), label, font=label_font, fill=0, direction="rtl")
        draw.text((dpi // 2, y), value, font=value_font, fill=0)
    return np.asarray(page).copy()


def word(text: str, left: int, confidence: float, line: int = 0, width: int = 100) -> OcrWord:
    return OcrWord(text=text, left=left, top=10, width=width, height=30, confidence=confidence, line=line)


def page_of(words: list[OcrWord]) -> OcrPage:
    return OcrPage(
        number=1, text="", method="ocr", confidence=0.9, width=600, height=60, words=words, lines=[], notes=[]
    )


@needs_fonts
class TestSlantOfSuspectInk:
    """Sure labels are masked out, so the values' lean shows though most letters stand upright."""

    def test_labels_read_surely_leave_the_values_to_judge(self) -> None:
        gray = form_page()
        half, rows = gray.shape[1] // 2, range(len(LABELS))
        label_words = [  # each row's label, at the right half of the page, read surely
            OcrWord(text="חשבונית", left=half, top=55 + 100 * row, width=half, height=45, confidence=0.95)
            for row in rows
        ]
        suspect, ink, _ = slanted_values.suspect_ink(gray, label_words)
        assert estimate_slant(gray) == 0  # the whole page: mostly upright letters
        assert np.count_nonzero(suspect) < np.count_nonzero(ink)
        assert (
            8
            <= estimate_slant(slanted_values.as_image(suspect), min_letters=slanted_values.MIN_LETTERS)
            <= 16
        )


class TestMerged:
    """A sheared read's word replaces what it lies on only when it is better, and only on suspect ink."""

    def setup_method(self) -> None:
        self.ink = np.full((60, 600), 255, np.uint8)  # ink everywhere (0/255 masks)
        self.suspect = self.ink.copy()

    def test_a_longer_number_replaces_a_shortened_one_in_place(self) -> None:
        old = page_of([word('סה"כ', 400, 0.95), word("05.71", 100, 0.92), word("₪", 210, 0.9)])
        merged = slanted_values.merged(old, [word("1,405.71", 90, 0.9)], self.suspect, self.ink)
        assert [w.text for w in merged.words] == ['סה"כ', "1,405.71", "₪"]
        assert merged.text == 'סה"כ 1,405.71 ₪' and slanted_values.NOTE in merged.notes

    def test_the_same_number_read_a_little_surer_changes_nothing(self) -> None:
        old = page_of([word("39.46", 100, 0.84)])
        assert slanted_values.merged(old, [word("39,46", 100, 0.86)], self.suspect, self.ink) is old

    @pytest.mark.parametrize(("old_text", "new_text"), [("21/8876", "DAI28876"), ("42569", "42565")])
    def test_a_confident_reading_is_never_rewritten(self, old_text: str, new_text: str) -> None:
        old = page_of([word(old_text, 100, 0.9)])
        assert slanted_values.merged(old, [word(new_text, 100, 0.95)], self.suspect, self.ink) is old

    def test_junk_is_replaced_by_a_clearly_surer_number(self) -> None:
        old = page_of([word("ב", 100, 0.4), word("\\", 150, 0.5, width=40)])
        merged = slanted_values.merged(old, [word("26.70", 100, 0.9, width=90)], self.suspect, self.ink)
        assert [w.text for w in merged.words] == ["26.70"]

    def test_a_doubtful_number_is_not_replaced_by_a_shorter_one(self) -> None:
        old = page_of([word('27496"', 100, 0.5)])
        assert slanted_values.merged(old, [word("206", 100, 0.9)], self.suspect, self.ink) is old

    def test_a_doubtful_label_is_not_rewritten_into_another_word(self) -> None:
        old = page_of([word("עודף", 100, 0.5)])
        assert slanted_values.merged(old, [word("צודף", 100, 0.9)], self.suspect, self.ink) is old

    def test_a_hebrew_label_is_never_turned_into_latin_letters(self) -> None:
        old = page_of([word("ע.מ.", 100, 0.23)])
        assert slanted_values.merged(old, [word("as", 100, 0.82)], self.suspect, self.ink) is old

    def test_words_off_the_suspect_ink_are_not_taken(self) -> None:
        old = page_of([word("05.71", 100, 0.92)])
        self.suspect[:] = 0  # everything there was read surely as a label
        assert slanted_values.merged(old, [word("1,405.71", 90, 0.9)], self.suspect, self.ink) is old

    @pytest.mark.parametrize("confidence", [0.5, 0.74])
    def test_doubtful_words_of_the_sheared_read_are_not_taken(self, confidence: float) -> None:
        old = page_of([word("05.71", 100, 0.92)])
        new = [word("1,405.71", 90, confidence)]
        assert slanted_values.merged(old, new, self.suspect, self.ink) is old
