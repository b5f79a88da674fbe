"""A tax id whose label was read and whose value was not: which words are labels, when the print
beside one is read again, where that strip is, and the read merged back (with Tesseract)."""

from __future__ import annotations

import os

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from invoiceme_common.ocr_pages import OcrPage, OcrWord
from invoiceme_ocr.digits import line_from_words
from invoiceme_ocr.label_values import (
    id_word_read,
    needs_reading,
    printed_prefix,
    reread_label_values,
    strip_beside,
    value_area,
)
from invoiceme_ocr.tax_id_labels import find_labels
from invoiceme_ocr.tax_id_shapes import valid_id
from invoiceme_ocr.tesseract_api import read_words
from tests.support.synthetic_pages import FONT_PATH

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def word(text: str, left: int, top: int, width: int, height: int = 20, line: int = 0) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=0.9, line=line)


class TestIdShapes:
    """An Israeli id passes its check digit; an EU VAT number has its country's shape."""

    def test_israeli_ids_as_printed_and_with_a_letter_for_a_digit(self) -> None:
        assert valid_id("514321678") == "514321678"
        assert valid_id("09-227442-2") == "09-227442-2"
        assert valid_id("O9-227442-2") == "09-227442-2"  # a photo's 0 read as O
        assert valid_id("536-653-249") == "536-653-249"  # in threes, as a dev photo's footer prints it
        assert valid_id("536-653-248") is None
        assert valid_id("514321679") is None  # one digit off fails the check
        assert valid_id("04-7519812") is None  # a phone number is not an id's shape

    def test_eu_vat_numbers_by_their_country_shape(self) -> None:
        assert valid_id("DE925464566") == "DE925464566"
        assert valid_id("ESB93934481") == "ESB93934481"
        assert valid_id("DE9254O4566") == "DE925404566"
        assert valid_id("GB123456789") == "GB123456789"  # a UK number, though no longer an EU one
        assert valid_id("DEO25464566") is None  # no German number begins with 0
        assert valid_id("ESBO99934481") is None  # a letter invented: ten characters for nine
        assert valid_id("ESB9S934481") is None  # S for 3 is not undone without a check digit
        assert valid_id("Total") is None

    def test_a_us_ein_only_beside_its_own_label(self) -> None:
        assert valid_id("80-6871256", ein=True) == "80-6871256"
        assert valid_id("8O-6871256", ein=True) == "80-6871256"
        assert valid_id("80-6871256") is None  # beside a VAT label: an Israeli phone number's shape
        assert valid_id("07-6871256", ein=True) is None  # a prefix the IRS never assigned
        assert valid_id("806871256", ein=True) is None  # without its dash: any nine digits


class TestPrintedPrefix:
    """A country code's I read as 1 and E as € in a strip's read is undone before the id is looked for."""

    def test_look_alikes_of_a_country_code_undone(self) -> None:
        assert printed_prefix("1€-2726142L") == "IE-2726142L"
        assert printed_prefix("l€2726142L") == "IE2726142L"
        assert printed_prefix("D€123456789") == "DE123456789"

    def test_other_words_left(self) -> None:
        for text in ("€100", "1E", "12345", "DE123456789", "1€ total"):
            assert printed_prefix(text) == text

    def test_the_strip_read_gives_the_id(self) -> None:
        data = {
            "text": ["1€-2726142L"],
            "conf": [30.4],
            "left": [40],
            "top": [10],
            "width": [200],
            "height": [30],
        }
        found = id_word_read(data, (500, 50, 1000, 80), 2.0, 3)
        assert found is not None and found.text == "IE2726142L" and found.line == 3


class TestLabels:
    """A label is as few words as name it; a place name before 'עמ' is not part of it."""

    def test_a_three_word_label(self) -> None:
        words = [
            word("VAT", 0, 0, 40),
            word("Reg.", 45, 0, 40),
            word("No.", 90, 0, 30),
            word("DE9", 130, 0, 40),
        ]
        labels = find_labels(words)
        assert [label.indexes for label in labels] == [(0, 1, 2)]
        assert not labels[0].rtl

    def test_a_hebrew_label_without_its_dots_after_a_town(self) -> None:
        words = [word("הרצליה", 300, 0, 80), word("עמ", 260, 0, 30), word("ב-ב0-2274", 100, 0, 150)]
        labels = find_labels(words)
        assert [label.indexes for label in labels] == [(1,)]
        assert labels[0].rtl

    @pytest.mark.parametrize(
        ("texts", "label"),
        [
            (["Federal", "EIN"], "EIN"),
            (["FEIN:"], "FEIN:"),
            (["Company", "No."], "Company No."),
            (["Licensed", "Dealer", "No."], "Licensed Dealer"),
            (["Nº", "IVA:"], "Nº IVA:"),
            (['עוס"מ'], 'עוס"מ'),
        ],
    )
    def test_more_ways_to_name_a_vendors_id(self, texts: list[str], label: str) -> None:
        words = [word(text, 50 * i, 0, 45) for i, text in enumerate([*texts, "12"])]
        labels = find_labels(words)
        assert [" ".join(words[i].text for i in found.indexes) for found in labels] == [label]

    def test_words_that_only_begin_like_a_label(self) -> None:
        texts = ["Company", "Notes", "Tinted", "glass", "Einstein", "Registration", "Nordic"]
        assert find_labels([word(text, 60 * i, 0, 55) for i, text in enumerate(texts)]) == []

    def test_a_page_number_is_no_label(self) -> None:
        assert find_labels([word("עמ'", 0, 0, 30), word("1", 40, 0, 10)]) == []


class TestNeedsReading:
    """Read again only when no word beside the label (or stuck to it) holds a valid id."""

    def strip_needs_reading(self, words: list[OcrWord]) -> bool:
        label = find_labels(words)[0]
        return needs_reading(words, label, strip_beside(label, 2000, 1000))

    def test_a_broken_value_beside_a_latin_label(self) -> None:
        assert self.strip_needs_reading([word("NIF-IVA", 100, 100, 80), word("ESBO99934481", 190, 100, 150)])

    def test_a_valid_value_split_in_three_words(self) -> None:
        words = [word("USt-IdNr.", 100, 100, 90), word("DE", 200, 100, 25), word("925", 230, 100, 40)]
        assert not self.strip_needs_reading([*words, word("464566", 275, 100, 70)])

    def test_an_id_stuck_to_its_label(self) -> None:
        assert not self.strip_needs_reading([word("ע.מ.514321678", 100, 100, 160)])

    def test_the_value_of_a_hebrew_label_is_looked_for_on_its_left(self) -> None:
        # the valid id to the label's right belongs to another cell; the left holds a broken one
        words = [word("5143", 100, 100, 60), word("ע.מ.", 170, 100, 40), word("514321678", 300, 100, 120)]
        assert self.strip_needs_reading(words)


def draw_line(
    draw: ImageDraw.ImageDraw, x: int, y: int, text: str, size: int, fill: int = 0
) -> tuple[int, ...]:
    font = ImageFont.truetype(FONT_PATH, size)
    rtl = any("\u0590" <= ch <= "\u05ff" for ch in text)
    draw.text((x, y), text, font=font, fill=fill, direction="rtl" if rtl else None)
    return draw.textbbox((x, y), text, font=font, direction="rtl" if rtl else None)


def page_of(words: list[OcrWord], gray: np.ndarray) -> OcrPage:
    return OcrPage(
        number=1,
        text="",
        method="ocr",
        confidence=0.8,
        width=gray.shape[1],
        height=gray.shape[0],
        words=words,
        lines=[line_from_words(words)],
    )


def label_word(text: str, box: tuple[int, ...]) -> OcrWord:
    return word(text, box[0], box[1], box[2] - box[0], box[3] - box[1])


def read_line(crop: np.ndarray) -> dict[str, list]:
    return read_words(crop, "eng", 7, 30)


class TestRereadWithTesseract:
    """The print beside a label, faint and blurred as on a photo, read again into a valid id."""

    def faint_value_page(self, label: str, value: str) -> tuple[np.ndarray, tuple[int, ...], tuple[int, ...]]:
        """A line above (an address), then the label and its value in small faint blurred print:
        a Latin label left of its value, a Hebrew one right of it."""
        page = Image.new("L", (900, 160), 255)
        draw = ImageDraw.Draw(page)
        draw_line(draw, 40, 40, "12 Elm Avenue, Springfield 40210 Tel 04-7519812", 15)
        rtl = any("\u0590" <= ch <= "\u05ff" for ch in label)
        if rtl:
            value_box = draw_line(draw, 200, 62, value, 13, fill=120)
            label_box = draw_line(draw, value_box[2] + 12, 62, label, 15)
        else:
            label_box = draw_line(draw, 40, 62, label, 15)
            value_box = draw_line(draw, label_box[2] + 12, 62, value, 13, fill=120)
        gray = np.asarray(page).copy()
        left, top, right, bottom = value_box
        region = gray[top - 4 : bottom + 4, left - 4 : right + 4]
        gray[top - 4 : bottom + 4, left - 4 : right + 4] = cv2.GaussianBlur(region, (0, 0), 1.1)
        return gray, label_box, value_box

    def test_the_strip_is_the_values_line_not_the_one_above(self) -> None:
        gray, label_box, value_box = self.faint_value_page("NIF-IVA", "ESB93934481")
        words = [label_word("NIF-IVA", label_box)]
        label = find_labels(words)[0]
        (_left, top, right, bottom), _height = value_area(gray, strip_beside(label, 900, 160), label)
        assert top > 55 and bottom < value_box[3] + 8  # the address line (y 40-58) left out
        assert right >= value_box[2] and right - value_box[2] < 40  # up to the value's end

    @pytest.mark.parametrize(
        ("label", "value", "broken"),
        [("NIF-IVA", "ESB93934481", "ESBO99934481"), ("ע.מ.", "514321678", "5143")],
    )
    def test_a_faint_blurred_value_is_read_again(self, label: str, value: str, broken: str) -> None:
        gray, label_box, value_box = self.faint_value_page(label, value)
        words = [label_word(label, label_box), label_word(broken, value_box)]
        page = reread_label_values(page_of(words, gray), gray, read_line)
        assert value in [w.text for w in page.words]
        assert broken not in [w.text for w in page.words]
        assert value in page.text

    def test_an_ein_is_read_again_beside_its_label_and_a_phone_number_is_not(self) -> None:
        gray, label_box, value_box = self.faint_value_page("Federal EIN", "80-6871256")
        words = [label_word("Federal EIN", label_box), label_word("8O-68", value_box)]
        assert "80-6871256" in reread_label_values(page_of(words, gray), gray, read_line).text
        gray, label_box, value_box = self.faint_value_page("VAT No.", "03-6871256")
        words = [label_word("VAT No.", label_box), label_word("O3-68", value_box)]
        assert "03-6871256" not in reread_label_values(page_of(words, gray), gray, read_line).text

    def test_an_id_in_the_outer_column_on_the_labels_other_side(self) -> None:
        # a key/value grid: 'ע.מ.' at the page's left, nothing left of it, its value right-aligned
        page = Image.new("L", (1000, 140), 255)
        draw = ImageDraw.Draw(page)
        draw_line(draw, 40, 30, "12 Elm Avenue, Springfield", 15)
        label_box = draw_line(draw, 30, 70, "ע.מ.", 16)
        value_box = draw_line(draw, 780, 70, "35-082977-6", 16)
        gray = np.asarray(page).copy()
        words = [label_word("ע.מ.", label_box), label_word("\\", value_box)]
        reread = reread_label_values(page_of(words, gray), gray, read_line)
        assert "35-082977-6" in [w.text for w in reread.words]

    def test_nothing_is_read_when_the_value_is_valid(self) -> None:
        gray, label_box, value_box = self.faint_value_page("NIF-IVA", "ESB93934481")
        words = [label_word("NIF-IVA", label_box), label_word("ESB93934481", value_box)]
        page = page_of(words, gray)

        def must_not_read(crop: np.ndarray) -> dict[str, list]:
            raise AssertionError("read a strip beside a label that has its id")

        assert reread_label_values(page, gray, must_not_read) is page
