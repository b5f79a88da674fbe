"""Dates printed beside a time of day that the page's read lost, read again from the print beside it.

Till slips print their date beside the time of sale ('20/04/2018 19:15', 'Date : 18-06-2018 16:15:47').
On SROIE dev slips in a narrow typeface the page's read kept the time and garbled the date beside it
('ereoeegte 19:15', 'le 06 2018 16: 15:'), where a read of that print alone, enlarged, reads it whole.
So on a page whose text holds no whole date, the print left of each time of day (then right of it)
is cut out, enlarged and read as one line with `eng`; a whole date read there replaces the words it
lies on. A page with a date, or without a time of day, costs nothing.
"""

from __future__ import annotations

import re

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .date_values import calendar_date, read_date, with_date_word
from .label_values import ReadLine, strip_beside
from .tax_id_labels import Label
from .unread_ink import with_words

# '19:15', '10:49:25', '16: 15:47': hours and minutes (and seconds) parted by colons
TIME_OF_DAY = re.compile(r"(?<!\d)(?<!\d:)(?:[01]?\d|2[0-3]):\s?[0-5]\d(?::\s?[0-5]\d)?(?![\d:])")
MAX_PER_PAGE = 3  # strips read per page (one Tesseract call or more each)


def times_of_day(words: list[OcrWord]) -> list[int]:
    """Indexes of the words that hold a time of day."""
    return [index for index, word in enumerate(words) if TIME_OF_DAY.search(word.text)]


def reread_dates_beside_times(page: OcrPage, gray: np.ndarray, read_line: ReadLine) -> OcrPage:
    """The page with a date read beside a time of day, where its text holds no whole date."""
    if calendar_date(page.text) is not None:
        return page
    height, width = gray.shape[:2]
    reads = 0
    for index in times_of_day(page.words):
        time = page.words[index]
        box = (time.left, time.top, time.left + time.width, time.top + time.height)
        for before in (True, False):  # a date stands before its time, seldom after it
            if reads == MAX_PER_PAGE:
                return page
            # a Hebrew-like stand-in label reads leftwards from the time, a Latin-like one rightwards
            stand_in = Label((index,), *box, rtl=before)
            strip = strip_beside(stand_in, width, height)
            if strip[2] - strip[0] < stand_in.height:
                continue
            reads += 1
            if (new := read_date(gray, strip, stand_in, read_line)) is not None:
                words = with_date_word(page.words, [time], new)
                return with_words(page, words, "re-read a date beside its time")
    return page
