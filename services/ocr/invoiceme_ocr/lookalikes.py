"""Hebrew words that `heb+eng` read as Latin look-alikes, read again with `heb` alone.

The mixed model often turns short Hebrew words and abbreviations into Latin letters of a similar
shape: ש"ח -> n"w, מע"מ -> n"yn, ח.פ. -> .9.n, מסמך -> non. A short lower-case Latin word standing
among Hebrew words on a line is such a look-alike far more often than real English; its box is cut
out and re-read with `heb` (one extra Tesseract call per page, only when needed), and the Hebrew
reading replaces it.
"""

from __future__ import annotations

import re

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .digits import Reading, Region, replace_words

_LATIN = re.compile(r"[A-Za-z]")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_ABBREVIATION_MARK = re.compile(r"[\"*“”'.]")  # gershayim / geresh / dots, as OCR renders them
_QUANTITY = re.compile(r"\d[xX×]|[xX×]\d")
MAX_LETTERS = 5
# A look-alike of a Hebrew abbreviation keeps its marks (n"w, .9.n, n*w) and re-reads as fairly sure
# Hebrew (ח.פ. 0.64, ש"ח 0.9). A word without them may be real English ("mm" re-reads as וחח at
# 0.72): it needs a re-read surer than its first reading.
MIN_CONFIDENCE = 0.5


def looks_like_hebrew_misread(word: OcrWord) -> bool:
    """A short, mostly lower-case Latin word, with at most one digit and no Hebrew letter."""
    letters = _LATIN.findall(word.text)
    digit_count = sum(ch.isdigit() for ch in word.text)
    if not letters or not 2 <= len(letters) + digit_count <= MAX_LETTERS or _HEBREW.search(word.text):
        return False
    if _QUANTITY.fullmatch(word.text):
        return False
    return sum(ch.isupper() for ch in letters) <= 1 and digit_count <= 1


def capitals_among_hebrew(words: list[OcrWord], index: int) -> bool:
    """Word `index` is two to four Latin capitals ('WN', 'NVA') on a line of Hebrew words with no
    Latin word in lower case: a Hebrew word in big or light-on-dark print (a name in a coloured band)
    read as capitals, on a line without digits (a name's line). Real acronyms on a Hebrew line ('HP')
    read again no surer as Hebrew."""
    word = words[index]
    if not re.fullmatch(r"[A-Z]{2,4}", word.text.strip(".,:;'\"|")):
        return False
    line = [w for w in words if w.line == word.line and w is not word]
    if any(ch.isdigit() for w in line for ch in w.text):
        return False  # 'לתשלום USD 22,238.31': a currency code (or a unit) beside an amount is print
    return any(_HEBREW.search(w.text) for w in line) and not any(re.search(r"[a-z]{2}", w.text) for w in line)


def hebrew_page(words: list[OcrWord]) -> bool:
    hebrew = sum(bool(_HEBREW.search(word.text)) for word in words)
    latin = sum(bool(_LATIN.search(word.text)) for word in words)
    return hebrew > 0 and hebrew >= latin


def suspect_regions(words: list[OcrWord], page_width: int, page_height: int) -> list[Region]:
    """Boxes of Latin look-alikes, on pages where Hebrew words are at least as many as Latin ones."""
    if not hebrew_page(words):
        return []
    regions = []
    for index, word in enumerate(words):
        if looks_like_hebrew_misread(word) or capitals_among_hebrew(words, index):
            regions.append(Region.around(index, word, word.height // 2, page_width, page_height))
    return regions


def hebrew_reading(old: OcrWord, reread: Reading) -> str | None:
    """The Hebrew re-read when it is one sure enough word with Hebrew letters and no new digits."""
    words = reread.text.split()
    could_be_english = not _ABBREVIATION_MARK.search(old.text)
    if reread.confidence < (max(MIN_CONFIDENCE, old.confidence) if could_be_english else MIN_CONFIDENCE):
        return None
    if len(words) != 1 or not _HEBREW.search(words[0]):
        return None
    if sum(ch.isdigit() for ch in words[0]) > sum(ch.isdigit() for ch in old.text):
        return None
    return words[0]


def apply_rereads(page: OcrPage, regions: list[Region], rereads: list[Reading]) -> OcrPage:
    def corrected(word: OcrWord, reread: Reading) -> OcrWord | None:
        text = hebrew_reading(word, reread)
        return None if text is None else word.model_copy(update={"text": text})

    return replace_words(page, regions, rereads, corrected, "re-read Latin look-alikes as Hebrew")
