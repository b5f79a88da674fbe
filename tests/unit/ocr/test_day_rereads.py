"""A Hebrew written-month date's day that lost its first digit ('7 בדצמבר' for 17): the span between
the month word and the day read again alone; taken only where it reads two digits ending in the kept one."""

from __future__ import annotations

import numpy as np

from invoiceme_common.events import OcrLine, OcrPage, OcrWord
from invoiceme_ocr import day_rereads
from invoiceme_ocr.day_rereads import SymbolChoices


def _page(day: str, month: str = "בדצמבר", day_left: int = 798) -> OcrPage:
    # as the seed-8 scan read '17 בדצמבר 2024': the '7' alone, 21 px right of the month word
    words = [
        OcrWord(text=day, left=day_left, top=422, width=23, height=23, confidence=0.966, line=0),
        OcrWord(text=month, left=665, top=417, width=112, height=38, confidence=0.915, line=0),
        OcrWord(text="2024", left=575, top=422, width=69, height=24, confidence=0.915, line=0),
    ]
    line = OcrLine(text=f"{day} {month} 2024", left=575, top=417, width=246, height=38, confidence=0.93)
    return OcrPage(
        number=1,
        text=line.text,
        method="ocr",
        confidence=0.9,
        width=1200,
        height=800,
        words=words,
        lines=[line],
    )


def _reads(text: str) -> day_rereads.ReadDigits:
    def read(crop: np.ndarray) -> list[SymbolChoices] | None:
        return [[(char, 0.99)] for char in text]

    return read


GRAY = np.full((800, 1200), 255, dtype=np.uint8)


class TestWhichDaysAreLookedAt:
    def test_one_digit_day_right_of_a_hebrew_month(self) -> None:
        (region,) = day_rereads.short_days(_page("7").words, 1200, 800)
        assert region.word_index == 0 and region.left == 665 + 112 + 1 and region.right > 798 + 23

    def test_two_digit_days_and_other_words_are_left(self) -> None:
        assert day_rereads.short_days(_page("17").words, 1200, 800) == []
        assert day_rereads.short_days(_page("7", month="שעות").words, 1200, 800) == []

    def test_a_day_left_of_the_month_is_not_this_case(self) -> None:
        assert day_rereads.short_days(_page("7", day_left=600).words, 1200, 800) == []


class TestReadAgain:
    def test_two_digits_ending_in_the_kept_one_replace_it_as_a_guess(self) -> None:
        page = day_rereads.reread_short_days(_page("7"), GRAY, _reads("17"))
        assert page.words[0].text == "17" and page.words[0].confidence < 0.9
        assert page.text.startswith("17 בדצמבר")

    def test_the_same_one_digit_keeps_the_page(self) -> None:
        page = _page("7")
        assert day_rereads.reread_short_days(page, GRAY, _reads("7")) is page

    def test_a_reading_that_is_no_day_or_ends_otherwise_keeps_the_page(self) -> None:
        page = _page("7")
        for text in ("47", "18", "1.7", ""):
            assert day_rereads.reread_short_days(page, GRAY, _reads(text)) is page

    def test_a_failed_read_keeps_the_page(self) -> None:
        page = _page("7")
        assert day_rereads.reread_short_days(page, GRAY, lambda crop: None) is page
