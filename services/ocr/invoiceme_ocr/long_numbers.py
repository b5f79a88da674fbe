"""Long numbers on a phone photo (tax ids, invoice and phone numbers) read again, enlarged, with `eng`.

A photo's print is small (digits 10-16 px tall after the page is flattened; Tesseract reads best
near 25-35 px) and `heb+eng` confuses digits of that size on Hebrew pages: 5 as 6, 3 as 9 or 8
(the dev photos' tax ids 531200517 -> 631200617, 523603736 -> 529603736, 537911521 -> 581911521,
read at confidence 0.70-0.87). Cut out, enlarged 2x and read with `eng` as single lines, the same
boxes gave the printed digits at a higher confidence (0.79-0.95), and where the re-read was wrong it
was less sure than the first reading, or of another length, or split. So a re-read replaces a word
only when it is one number of the same length and separators, read surer than the word was.
"""

from __future__ import annotations

import re

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .digits import Reading, Region, replace_words

_LONG_NUMBER = re.compile(r"[\d\-./]*\d[\d\-./]*")
MIN_DIGITS = 6  # ids and document numbers; shorter numbers (quantities, amounts' parts) are left alone
SURE = 0.9  # a first reading at least this sure is kept without a second look
ENLARGE = 2.0  # digits of 10-16 px come near the size Tesseract reads best
SEGMENTATION_MODE = 6  # the crops stacked one under another, each its own line


def looks_doubtful(word: OcrWord) -> bool:
    """A number of MIN_DIGITS digits or more (with - . / between them) read less than surely."""
    return (
        word.confidence < SURE
        and _LONG_NUMBER.fullmatch(word.text) is not None
        and sum(ch.isdigit() for ch in word.text) >= MIN_DIGITS
    )


def suspect_regions(words: list[OcrWord], page_width: int, page_height: int) -> list[Region]:
    """Each doubtful long number's box with a margin of a third of its height (not into the next word,
    whose letters would join the re-read and make it two words: then nothing is replaced)."""
    regions = []
    for index, word in enumerate(words):
        if looks_doubtful(word):
            regions.append(Region.around(index, word, max(2, word.height // 3), page_width, page_height))
    return regions


def same_shape(old: str, new: str) -> bool:
    """The same length with digits where digits were and the same separators in the same places."""
    return len(old) == len(new) and all(
        a.isdigit() == b.isdigit() and (a.isdigit() or a == b) for a, b in zip(old, new, strict=True)
    )


def better_reading(word: OcrWord, reread: Reading) -> str | None:
    """The re-read number when it is one number shaped like the word, different, and surer."""
    text = reread.text.strip()
    if text == word.text or not _LONG_NUMBER.fullmatch(text) or not same_shape(word.text, text):
        return None
    return text if reread.confidence > word.confidence else None


def apply_rereads(page: OcrPage, regions: list[Region], rereads: list[Reading]) -> OcrPage:
    """The page with its doubtful long numbers replaced by surer re-reads; unchanged otherwise."""

    def corrected(word: OcrWord, reread: Reading) -> OcrWord | None:
        if (text := better_reading(word, reread)) is None:
            return None
        return word.model_copy(update={"text": text, "confidence": reread.confidence})

    return replace_words(page, regions, rereads, corrected, "re-read long numbers")
