"""A tax id printed under its label (a small label over its value, a boxed grid cell): the strip under
the label, the value's row in it, the read merged back on the value's own line (with Tesseract)."""

from __future__ import annotations

import os

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from invoiceme_ocr.label_below import first_row, line_of_row, strip_below, with_word_below
from invoiceme_ocr.label_values import reread_label_values

from .test_label_values import draw_line, label_word, page_of, read_line, word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


class TestStripBelow:
    """The strip starts at the label's start edge and runs in its reading direction, under it."""

    def test_under_a_latin_label_it_runs_right_from_its_left_edge(self) -> None:
        left, top, right, bottom = strip_below(100, 50, 160, 70, False, 2000, 1000)
        assert top > 70 and bottom <= 70 + 3.5 * 20
        assert left < 100 < 160 < right and left > 80

    def test_under_a_hebrew_label_it_runs_left_from_its_right_edge(self) -> None:
        left, top, right, bottom = strip_below(500, 50, 560, 70, True, 2000, 1000)
        assert left < 500 < 560 < right and right < 580
        assert top > 70

    def test_it_stays_on_the_page(self) -> None:
        assert strip_below(1990, 990, 2000, 1000, False, 2000, 1000)[2:] == (2000, 1000)

    def test_the_first_row_tall_enough_to_be_print(self) -> None:
        assert first_row([(0, 2), (5, 20), (30, 45)], 20) == (5, 20)  # a rule (2 px) is no row
        assert first_row([(0, 3)], 20) is None


class TestMergedBack:
    """The id read under its label replaces the broken words there, on their line, or gets its own."""

    def test_it_replaces_the_broken_words_it_lies_on(self) -> None:
        words = [word("VAT", 100, 50, 40, line=0), word("DE9Z5", 100, 80, 90, line=1)]
        new = word("DE925464566", 98, 79, 150, line=0)
        merged = with_word_below(words, (0,), new)
        assert [w.text for w in merged] == ["VAT", "DE925464566"]
        assert merged[1].line == 1

    def test_on_the_line_of_the_words_level_with_it(self) -> None:
        words = [word("VAT", 100, 50, 40, line=0), word("Phone", 400, 80, 60, line=1)]
        merged = with_word_below(words, (0,), word("DE925464566", 100, 80, 150, line=0))
        assert [(w.text, w.line) for w in merged] == [("VAT", 0), ("DE925464566", 1), ("Phone", 1)]

    def test_a_hebrew_line_keeps_its_right_to_left_order(self) -> None:
        words = [
            word("ח.פ.", 600, 50, 40, line=0),
            word("טל'", 500, 80, 40, line=1),
            word("x", 100, 80, 40, line=1),
        ]
        merged = with_word_below(words, (0,), word("514321678", 300, 80, 120, line=0))
        assert [w.text for w in merged if w.line == 1] == ["טל'", "514321678", "x"]

    def test_alone_on_its_row_it_gets_a_line_of_its_own(self) -> None:
        words = [word("VAT", 100, 50, 40, line=0), word("Total", 100, 300, 40, line=1)]
        merged = with_word_below(words, (0,), word("DE925464566", 100, 80, 150, line=0))
        assert merged[-1].line == 2 and line_of_row(words, merged[-1]) is None


class TestReadUnder:
    """A faint blurred value under its label, read again into a valid id (Tesseract)."""

    def value_under_page(self, label: str, value: str) -> tuple[np.ndarray, tuple[int, ...], tuple[int, ...]]:
        page = Image.new("L", (900, 200), 255)
        draw = ImageDraw.Draw(page)
        draw_line(draw, 40, 20, "12 Elm Avenue, Springfield 40210", 15)
        rtl = any("\u0590" <= ch <= "\u05ff" for ch in label)
        x = 600 if rtl else 40
        label_box = draw_line(draw, x, 60, label, 12, fill=90)
        start = label_box[2] if rtl else label_box[0]
        value_box = draw_line(draw, start, 80, value, 14, fill=120)
        if rtl:  # a Hebrew value ends where its label ends (their right edges line up)
            page = Image.new("L", (900, 200), 255)
            draw = ImageDraw.Draw(page)
            draw_line(draw, 40, 20, "12 Elm Avenue, Springfield 40210", 15)
            label_box = draw_line(draw, x, 60, label, 12, fill=90)
            width = value_box[2] - value_box[0]
            value_box = draw_line(draw, label_box[2] - width, 80, value, 14, fill=120)
        gray = np.asarray(page).copy()
        left, top, right, bottom = value_box
        region = gray[top - 4 : bottom + 4, left - 4 : right + 4]
        gray[top - 4 : bottom + 4, left - 4 : right + 4] = cv2.GaussianBlur(region, (0, 0), 1.1)
        return gray, label_box, value_box

    @pytest.mark.parametrize(
        ("label", "value", "broken"),
        [
            ("USt-IdNr.", "DE925464566", "DE9Z5"),
            ("ח.פ.", "514321678", "5143"),
            ("VAT Reg. No.", "GB123456789", ""),
        ],
    )
    def test_a_value_under_its_label_is_read_again(self, label: str, value: str, broken: str) -> None:
        gray, label_box, value_box = self.value_under_page(label, value)
        words = [label_word(label, label_box)] if " " not in label else []
        if not words:  # a label of several words
            left, top, right, bottom = label_box
            parts = label.split()
            step = (right - left) // len(parts)
            words = [word(part, left + i * step, top, step - 4, bottom - top) for i, part in enumerate(parts)]
        if broken:
            words.append(label_word(broken, value_box).model_copy(update={"line": 1}))
        page = reread_label_values(page_of(words, gray), gray, read_line)
        read = [w for w in page.words if w.text.replace("-", "") == value]
        assert read, [w.text for w in page.words]
        assert broken not in [w.text for w in page.words] or not broken
        assert read[0].top > label_box[3] - 2  # on the value's row, not the label's
        assert value in page.text.replace("-", "")

    def test_nothing_is_read_when_the_value_under_it_is_valid(self) -> None:
        gray, label_box, value_box = self.value_under_page("USt-IdNr.", "DE925464566")
        words = [label_word("USt-IdNr.", label_box), label_word("DE925464566", value_box)]
        calls: list[int] = []

        def count(crop: np.ndarray) -> dict[str, list]:
            calls.append(1)
            return {"text": [], "conf": [], "left": [], "top": [], "width": [], "height": []}

        reread_label_values(page_of(words, gray), gray, count)
        assert len(calls) == len((36, 28, 44))  # the strip beside (blank) only; none under it
