"""The day of a Hebrew written-month date whose first digit the page's reading lost, read again.

On Hebrew pages Tesseract often drops the first digit of a two-digit day printed before a month
name: '17 בדצמבר 2024' comes out as '7 בדצמבר 2024' at 0.97 confidence, a valid date and a wrong
one (dev clean scans, seed 8: 17 -> 7, 16 -> 6, 21 -> 1). The lost digit sits between the month
word and the day the page kept, outside the day's box. So a one-digit day right of a Hebrew month
word is cut out from the month word's edge to the day's far edge, enlarged, and read as one line of
digits: where that reads two digits ending in the kept one, and a possible day, the day becomes
those two digits, with a guess's confidence.
"""

from __future__ import annotations

import re

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .digits import Region, rebuild
from .symbol_reads import ReadDigits, SymbolChoices, enlarged_crop

_HEBREW_MONTHS = "ינואר פברואר מרץ מרס אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר".split()
# 'בדצמבר' (in December), 'לדצמבר', or the bare name; a dot or comma OCR stuck to it
_MONTH_WORD = re.compile(r"[בל]?(?:" + "|".join(_HEBREW_MONTHS) + r")[.,]?")
GUESS_CONFIDENCE = 0.85  # a repaired reading is never sure
MAX_PER_PAGE = 4  # a crop is one Tesseract call


def short_days(words: list[OcrWord], page_width: int, page_height: int) -> list[Region]:
    """A region per one-digit day printed right of a Hebrew month word on its line: from the month
    word's right edge to the day's right edge, where a lost first digit would be."""
    regions = []
    for index, word in enumerate(words[:-1]):
        month = words[index + 1]
        if not (re.fullmatch(r"\d", word.text) and _MONTH_WORD.fullmatch(month.text)):
            continue
        month_right = month.left + month.width
        if word.line != month.line or word.left < month_right:
            continue
        margin = max(2, word.height // 3)
        top = min(word.top, month.top) - margin
        bottom = max(word.top + word.height, month.top + month.height) + margin
        right = word.left + word.width + margin
        regions.append(
            Region(index, month_right + 1, max(0, top), min(page_width, right), min(page_height, bottom))
        )
    return regions[:MAX_PER_PAGE]


def day_read(symbols: list[SymbolChoices] | None, kept: str) -> str | None:
    """The two-digit day the crop reads, when it ends in the digit the page kept and is a day."""
    text = "".join(choices[0][0] for choices in symbols or [] if choices)
    if re.fullmatch(r"\d\d", text) and text.endswith(kept) and 10 <= int(text) <= 31:
        return text
    return None


def reread_short_days(page: OcrPage, gray: np.ndarray, read: ReadDigits) -> OcrPage:
    """The page with each short day (`short_days`) that reads as two digits alone made those two
    digits, its box grown over the lost one; unchanged where none does."""
    words = list(page.words)
    changed = False
    for region in short_days(words, gray.shape[1], gray.shape[0]):
        word = words[region.word_index]
        if region.right <= region.left or region.bottom <= region.top:
            continue
        day = day_read(read(enlarged_crop(gray, region)), word.text)
        if day is None:
            continue
        right = word.left + word.width
        words[region.word_index] = word.model_copy(
            update={
                "text": day,
                "left": region.left,
                "width": right - region.left,
                "confidence": min(word.confidence, GUESS_CONFIDENCE),
            }
        )
        changed = True
    return rebuild(page, words, "day before a Hebrew month read again") if changed else page
