"""Values written slanted into an upright form (a receipt book filled in by hand or in an italic face).

The page-level slant check (`preprocess.slant`) sees mostly upright letters on such a page, and
shearing the whole page would ruin its labels. So the slant is measured only on the ink the first
read is least sure of: words holding a digit (the filled-in amounts, dates, numbers), doubtful
words, and ink no word covers; labels read surely are left out. When that ink leans, the page is
read once more sheared upright, and a word of that read replaces the words it lies on only where
it lies on that ink. It runs on pages read under `tesseract.SLANT_CHECK_BELOW` whose print does not
lean as a whole; one whose values stand upright costs one slant estimate and no read. The sheared
read may add what the first lost or replace junk, never rewrite a confident reading (`_better`).
"""

from __future__ import annotations

import re

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .preprocess.geometry import ink_mask
from .unread_ink import letters_and_digits, overlaps, with_words

SURE_LABEL = 0.8  # a word without digits read at least this surely is a label: its ink says nothing
JUDGED_WORD_HEIGHT = 24  # px: the page is judged shrunk so that its words are about this tall (cheap)
MIN_LETTERS = 24  # letter blobs the suspect ink must hold to be judged (an amount or two)
TAKEN_FROM = 0.75  # a word of the sheared read below this confidence never replaces anything
DOUBTFUL = 0.6  # old words all below this confidence are junk a sheared read may replace ...
CLEARLY_SURER = 0.25  # ... when it reads this much surer
ON_SUSPECT_INK = 0.5  # share of a new word's ink that must be suspect ink
NOTE = "re-read slanted values"
_DIGIT = re.compile(r"\d")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_LATIN = re.compile(r"[A-Za-z]")


def _is_sure_label(word: OcrWord) -> bool:
    return (
        word.confidence >= SURE_LABEL
        and not _DIGIT.search(word.text)
        and sum(ch.isalnum() for ch in word.text) >= 2
    )


def suspect_ink(gray: np.ndarray, words: list[OcrWord]) -> tuple[np.ndarray, np.ndarray, float]:
    """The page's ink outside the boxes of words surely read as labels, all its ink (0/255 masks),
    and the scale they are at: shrunk so that words are about JUDGED_WORD_HEIGHT tall."""
    heights = sorted(w.height for w in words)
    scale = min(1.0, JUDGED_WORD_HEIGHT / heights[len(heights) // 2]) if heights else 1.0
    if scale < 1.0:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = ink_mask(gray)
    suspect = ink.copy()
    for word in words:
        if _is_sure_label(word):
            suspect[_box(word, scale)] = 0
    return suspect, ink, scale


def _box(word: OcrWord, scale: float) -> tuple[slice, slice]:
    top, left = int(word.top * scale), int(word.left * scale)
    bottom, right = round((word.top + word.height) * scale), round((word.left + word.width) * scale)
    return slice(top, max(bottom, top + 1)), slice(left, max(right, left + 1))


def as_image(mask: np.ndarray) -> np.ndarray:
    """Black ink on white, as `slant.estimate_slant` reads a page."""
    return np.where(mask > 0, 0, 255).astype(np.uint8)


def _on_suspect_ink(word: OcrWord, suspect: np.ndarray, ink: np.ndarray, scale: float) -> bool:
    box = _box(word, scale)
    total = int(np.count_nonzero(ink[box]))
    return total > 0 and int(np.count_nonzero(suspect[box])) >= ON_SUSPECT_INK * total


def merged(
    page: OcrPage, sheared_read: list[OcrWord], suspect: np.ndarray, ink: np.ndarray, scale: float = 1.0
) -> OcrPage:
    """`page` with the words of the sheared read (boxes already moved back) that beat the old words
    they lie on (`suspect` and `ink` at `scale`, as `suspect_ink` gives them); a taken word takes the
    place (and line) of the first word it replaces, so lines keep their reading order in either
    direction. The page itself when none does."""
    words = list(page.words)
    changed = False
    for new in sheared_read:
        if new.confidence < TAKEN_FROM or not _on_suspect_ink(new, suspect, ink, scale):
            continue
        under = [w for w in words if overlaps(w, new)]
        if not under:
            continue  # ink no word was read on: `unread_ink` decides about whole lines
        if _better(new, under):
            place = next(i for i, w in enumerate(words) if w is under[0])
            words[place] = new.model_copy(update={"line": under[0].line})
            words = [w for w in words if not any(w is u for u in under[1:])]
            changed = True
    return with_words(page, words, NOTE) if changed else page


def _better(new: OcrWord, under: list[OcrWord]) -> bool:
    """The new word adds what the first read lost (all its letters and digits, in order, and more:
    '05.71' -> '1,405.71'), or replaces words read as junk (all under DOUBTFUL) with a clearly surer
    number; a confident reading is never rewritten ('21/8876' -> 'DAI28876', '42569' -> '42565'),
    nor Hebrew turned into Latin letters (a sheared label reads as look-alikes: 'ע.מ.' as 'as')."""
    old_text = " ".join(w.text for w in under)
    if _HEBREW.search(old_text) and _LATIN.search(new.text) and not _HEBREW.search(new.text):
        return False
    old_chars = [ch for ch in old_text if ch.isalnum()]
    remaining = iter(ch for ch in new.text if ch.isalnum())
    extends = len(old_chars) < letters_and_digits([new]) and all(ch in remaining for ch in old_chars)
    doubtful = max(w.confidence for w in under)
    # junk is replaced only by a value (a number) or where it held no word: a doubtful upright label
    # read sheared comes out as another word ('עודף' as 'צודף'), and loses its meaning
    # and never by fewer letters and digits ('27496"' at 0.5 is not '206')
    value_or_scraps = bool(_DIGIT.search(new.text)) or len(old_chars) <= 1
    value_or_scraps &= letters_and_digits([new]) >= len(old_chars)
    surer = doubtful < DOUBTFUL and new.confidence >= doubtful + CLEARLY_SURER
    return extends or (surer and value_or_scraps)
