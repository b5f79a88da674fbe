"""Dates re-read beside or under a date label whose value OCR lost (invoiceme_ocr.date_values)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from invoiceme_common.ocr_pages import OcrWord
from invoiceme_ocr.date_values import (
    below_area,
    calendar_date,
    find_labels,
    has_date_near,
    other_side,
    reread_date_values,
    row_under,
    with_date_word,
)
from invoiceme_ocr.label_values import strip_beside
from tests.unit.ocr.test_label_values import draw_line, label_word, page_of, read_line, word


class TestCalendarDate:
    """What counts as a whole date read: day, month and year that make a calendar date."""

    def test_dates_as_printed(self) -> None:
        assert calendar_date("27.03.24 |") == "27.03.24"
        assert calendar_date("16-06-2024") == "16-06-2024"
        assert calendar_date("1/2/2025") == "1/2/2025"
        assert calendar_date("2024-06-16") == "2024-06-16"

    def test_numbers_that_are_no_date(self) -> None:
        assert calendar_date("4") is None
        assert calendar_date("09-6262737") is None  # a phone number
        assert calendar_date("32.13.2024") is None
        assert calendar_date("12.05.1234") is None
        assert calendar_date("2026-5274") is None  # a document number


class TestLabels:
    """Which words name a date, and whether a date is already read near one."""

    def test_hebrew_and_latin_date_labels(self) -> None:
        for text in ("תאריך", "ת. מסמך", "לתשלום עד", "מועד", "Date:", "Fälligkeit"):
            words = [word(part, 100 + 40 * i, 100, 35) for i, part in enumerate(text.split())]
            assert find_labels(words), text

    def test_the_words_qualifying_a_label_are_part_of_it(self) -> None:
        words = [word("תאריך", 500, 100, 50), word("חשבונית", 430, 100, 60), word("27.03.24", 300, 100, 80)]
        assert find_labels(words)[0].indexes == (0, 1)

    def test_words_that_only_contain_a_label_word_are_none(self) -> None:
        for text in ("Update", "בתאריכים", "עדכון"):
            assert not find_labels([word(text, 100, 100, 60)]), text

    def test_a_date_beside_a_hebrew_label_is_on_its_left(self) -> None:
        label = find_labels([word("תאריך", 500, 100, 60)])[0]
        beside, below = strip_beside(label, 1000, 400), below_area(label, 1000, 400)
        assert has_date_near(
            [word("תאריך", 500, 100, 60), word("27.03.24", 380, 100, 90)], label, [beside, below]
        )
        # the same date on the label's right is another column's
        assert not has_date_near(
            [word("תאריך", 500, 100, 60), word("27.03.24", 600, 100, 90)], label, [beside]
        )

    def test_a_date_in_words_under_the_label(self) -> None:
        words = [word("תאריך", 500, 100, 60)]
        words += [word("9", 520, 130, 10, line=1), word("דצמבר", 460, 130, 50, line=1)]
        words.append(word("2024", 400, 130, 50, line=1))
        label = find_labels(words)[0]
        assert has_date_near(words, label, [below_area(label, 1000, 400)])


class TestWithDateWord:
    """The date read takes the place of the words it lies on, else a line of its own."""

    def test_it_replaces_the_garbage_it_lies_on(self) -> None:
        label = word("תאריך", 500, 100, 60, line=3)
        garbage = word("aoe", 420, 130, 40, line=4)
        new = word("27.03.24", 410, 128, 80)
        words = with_date_word([label, garbage], [label], new)
        assert [w.text for w in words] == ["תאריך", "27.03.24"]
        assert words[1].line == 4

    def test_a_new_line_when_nothing_was_read_there(self) -> None:
        label = word("תאריך", 500, 100, 60, line=3)
        other = word('סה"כ', 100, 600, 40, line=7)
        words = with_date_word([label, other], [label], word("27.03.24", 410, 128, 80))
        assert [w.text for w in words] == ["תאריך", "27.03.24", 'סה"כ']
        assert words[1].line == 8


def boxed_date_page(value: str) -> tuple[np.ndarray, tuple[int, ...], tuple[int, ...]]:
    """A Hebrew label over its value in a box: the value under the label, a rule between them."""
    page = Image.new("L", (900, 220), 255)
    draw = ImageDraw.Draw(page)
    label_box = draw_line(draw, 700, 40, "תאריך חשבונית", 16)
    draw.rectangle((60, 30, 860, 110), outline=0, width=2)
    draw.line((60, 66, 860, 66), fill=0, width=2)
    value_box = draw_line(draw, 740, 74, value, 16)
    return np.asarray(page).copy(), label_box, value_box


class TestRereadWithTesseract:
    """A date under its label in a boxed cell, lost by the page's read, read again."""

    def test_the_row_under_the_label_skips_the_rule(self) -> None:
        gray, label_box, value_box = boxed_date_page("27.03.24")
        label = find_labels([label_word("תאריך", label_box), label_word("חשבונית", label_box)])[0]
        found = row_under(gray, below_area(label, 900, 220), label)
        assert found is not None
        (_left, top, _right, bottom), _stand_in = found
        assert top <= value_box[1] and bottom >= value_box[3] - 2 and top > 66

    def test_a_lost_date_under_its_label_is_read_again(self) -> None:
        gray, label_box, value_box = boxed_date_page("27.03.24")
        middle = (label_box[0] + label_box[2]) // 2
        words = [
            word("חשבונית", label_box[0], label_box[1], middle - label_box[0], line=0),
            word("תאריך", middle + 4, label_box[1], label_box[2] - middle - 4, line=0),
            word("aoe", value_box[0], value_box[1], value_box[2] - value_box[0], line=1),
        ]
        page = reread_date_values(page_of(words, gray), gray, read_line)
        assert "27.03.24" in [w.text for w in page.words]
        assert "aoe" not in [w.text for w in page.words]
        assert "re-read dates beside their labels" in page.notes

    def test_nothing_is_read_when_the_date_was_read(self) -> None:
        gray, label_box, value_box = boxed_date_page("27.03.24")
        words = [
            label_word("תאריך", label_box),
            OcrWord(
                text="27.03.24",
                left=value_box[0],
                top=value_box[1],
                width=value_box[2] - value_box[0],
                height=value_box[3] - value_box[1],
                confidence=0.9,
                line=1,
            ),
        ]
        page = page_of(words, gray)

        def must_not_read(crop: np.ndarray) -> dict[str, list]:
            raise AssertionError("read again beside a label that has its date")

        assert reread_date_values(page, gray, must_not_read) is page


class TestLabelStart:
    """A label starts at its own word, not at a value OCR read before it on its line."""

    def test_a_value_read_before_the_label_is_not_part_of_it(self) -> None:
        words = [word("4", 1800, 100, 12), word("תאריך", 1180, 100, 60), word("הפקה:", 1100, 100, 60)]
        assert find_labels(words)[0].indexes == (1, 2)


def grid_page(value: str) -> tuple[np.ndarray, tuple[int, ...], tuple[int, ...]]:
    """A key/value grid row: a Hebrew label in the middle, its value far right in the outer column,
    a phone number of another pair left of the label."""
    page = Image.new("L", (1400, 120), 255)
    draw = ImageDraw.Draw(page)
    draw_line(draw, 200, 40, "04-8671980", 18)
    label_box = draw_line(draw, 640, 40, "תאריך הפקה:", 18)
    value_box = draw_line(draw, 1200, 40, value, 18)
    return np.asarray(page).copy(), label_box, value_box


class TestOtherSide:
    """The value of a key/value grid standing on the label's other side, lost by the page's read."""

    def test_a_date_right_of_a_hebrew_label_is_read_last(self) -> None:
        gray, label_box, value_box = grid_page("13-5-2024")
        middle = (label_box[0] + label_box[2]) // 2
        words = [
            word("4", value_box[2] - 12, value_box[1], 12, line=0),
            word("תאריך", middle + 4, label_box[1], label_box[2] - middle - 4, line=0),
            word("הפקה:", label_box[0], label_box[1], middle - label_box[0], line=0),
        ]
        page = reread_date_values(page_of(words, gray), gray, read_line)
        assert "13-5-2024" in [w.text for w in page.words]
        assert "4" not in [w.text for w in page.words]

    def test_a_date_already_read_there_is_not_read_again(self) -> None:
        label = find_labels([word("תאריך", 500, 100, 60)])[0]
        words = [word("תאריך", 500, 100, 60), word("13-5-2024", 900, 100, 90)]
        (strip, stand_in) = other_side(label, 1200, 400)
        assert strip[0] == label.right and strip[2] == 1200 and not stand_in.rtl
        assert has_date_near(words, label, [strip])


class TestRowCutByTheArea:
    """A value's row that starts inside the area under the label is followed down to its end."""

    def test_the_whole_row_is_kept(self) -> None:
        gray, label_box, value_box = boxed_date_page("27.03.24")
        label = find_labels([label_word("תאריך", label_box), label_word("חשבונית", label_box)])[0]
        left, top, right, _bottom = below_area(label, 900, 220)
        cut = (value_box[1] + value_box[3]) // 2  # the area ends half-way down the value's row
        found = row_under(gray, (left, top, right, cut), label)
        assert found is not None
        (_left, row_top, _right, row_bottom), _stand_in = found
        assert row_top <= value_box[1] and row_bottom >= value_box[3] - 2
