"""A date lost beside its time of day is read again from the print beside the time."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from invoiceme_common.ocr_pages import OcrPage
from invoiceme_ocr.time_dates import reread_dates_beside_times, times_of_day
from tests.unit.ocr.test_label_values import draw_line, label_word, page_of, read_line, word


class TestTimesOfDay:
    def test_hours_and_minutes_with_or_without_seconds(self) -> None:
        words = [word(text, 0, 0, 10) for text in ("19:15", "10:49:25", "16:", "Time:08:05", "12.50", "2018")]
        assert times_of_day(words) == [0, 1, 3]

    def test_no_hour_past_23_or_minute_past_59(self) -> None:
        assert times_of_day([word("25:10", 0, 0, 10), word("10:75", 0, 0, 10), word("1:234", 0, 0, 10)]) == []


def slip_row(date: str, before: bool = True) -> tuple[np.ndarray, tuple[int, ...], tuple[int, ...]]:
    """A till slip's row: the date and the time of sale, an address line above, a total below."""
    page = Image.new("L", (700, 160), 255)
    draw = ImageDraw.Draw(page)
    draw_line(draw, 30, 20, "No. 12, Jalan Permas 10, Masai", 16)
    if before:
        date_box = draw_line(draw, 30, 62, date, 18)
        time_box = draw_line(draw, date_box[2] + 14, 62, "19:15", 18)
    else:
        time_box = draw_line(draw, 30, 62, "19:15", 18)
        date_box = draw_line(draw, time_box[2] + 14, 62, date, 18)
    draw_line(draw, 30, 110, "TOTAL 3.70", 16)
    return np.asarray(page).copy(), date_box, time_box


def garbled_page(
    gray: np.ndarray, date_box: tuple[int, ...], time_box: tuple[int, ...], garbage: str
) -> OcrPage:
    """The row as the page's read left it: the time read, the date garbled into `garbage`."""
    words = [label_word(garbage, date_box), label_word("19:15", time_box)]
    words = [w.model_copy(update={"line": 0}) for w in words]
    page = page_of(words, gray)
    return page.model_copy(update={"text": f"{words[0].text} 19:15"})


class TestRereadWithTesseract:
    def test_a_date_garbled_before_its_time_is_read_again(self) -> None:
        gray, date_box, time_box = slip_row("20/04/2018")
        page = reread_dates_beside_times(garbled_page(gray, date_box, time_box, "ereoeegte"), gray, read_line)
        assert [w.text for w in page.words] == ["20/04/2018", "19:15"]
        assert "re-read a date beside its time" in page.notes

    def test_a_date_after_its_time(self) -> None:
        gray, date_box, time_box = slip_row("18-06-2018", before=False)
        page = garbled_page(gray, date_box, time_box, "le")
        page = page.model_copy(update={"words": [page.words[1], page.words[0]], "text": "19:15 le"})
        assert "18-06-2018" in [w.text for w in reread_dates_beside_times(page, gray, read_line).words]

    def test_nothing_is_read_on_a_page_with_a_date(self) -> None:
        gray, date_box, time_box = slip_row("20/04/2018")
        page = garbled_page(gray, date_box, time_box, "ereoeegte")
        page = page.model_copy(update={"text": "Date: 20/04/2018\nereoeegte 19:15"})

        def must_not_read(crop: np.ndarray) -> dict[str, list]:
            raise AssertionError("read again on a page that has its date")

        assert reread_dates_beside_times(page, gray, must_not_read) is page

    def test_print_that_is_no_date_changes_nothing(self) -> None:
        gray, date_box, time_box = slip_row("POS 02 TILL")
        page = garbled_page(gray, date_box, time_box, "P0S")
        assert reread_dates_beside_times(page, gray, read_line) is page
