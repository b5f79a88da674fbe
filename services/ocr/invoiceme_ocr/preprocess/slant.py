"""Slanted print (italic and oblique faces, handwriting-like fills) made upright before a read.

Tesseract's Hebrew model reads upright letters: a page in an oblique Hebrew face came out as
garbage ('גד כוכבולוגיות' for 'גל טכנולוגיות') that sheared upright reads clean (docs/BENCHMARKS.md,
section slant9). The slant is the shear under which the most ink stands in long vertical runs:
upright strokes survive an erosion by a tall thin kernel, slanted ones do not. Rules, frames and
fills would vote for 0° whatever the letters do, so only letter-sized blobs vote.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord

from ..digits import line_from_words
from . import components
from .geometry import ink_mask

MAX_DEGREES, STEP_DEGREES = 16, 2  # italics lean 8-16°, either way (Hebrew obliques lean left)
MIN_SLANT_DEGREES = 6  # below this Tesseract reads the letters as they are
MIN_GAIN = 1.08  # ink in upright strokes at the best shear over at 0°: what a slanted face gives
MIN_LETTERS = 80  # fewer letter-sized blobs than this (a logo, a photo) say nothing about the print
LETTER_HEIGHT = 16  # px: pages with taller letters are judged shrunk to this (cheaper, same answer)
WORD_TO_LETTER = 0.6  # a letter blob's height over its word box's (ascenders, descenders, accents)
NOTE_PREFIX = "deslanted "


def _sheared(image: np.ndarray, degrees: float, background: int) -> np.ndarray:
    """`image` sheared horizontally so that strokes leaning `degrees` stand upright; widened so that
    nothing leaves the frame (`unslant_boxes` undoes the shift)."""
    k, height, width = math.tan(math.radians(degrees)), image.shape[0], image.shape[1]
    matrix = np.array([[1, k, _offset(k, height)], [0, 1, 0]], dtype=np.float32)
    size = (width + math.ceil(abs(k) * height), height)
    return cv2.warpAffine(image, matrix, size, flags=cv2.INTER_NEAREST, borderValue=background)


def _offset(k: float, height: int) -> float:
    return -k * height if k < 0 else 0.0


def _letter_mask(gray: np.ndarray, min_letters: int = MIN_LETTERS) -> tuple[np.ndarray, float] | None:
    """Ink of letter-sized blobs only, at ~LETTER_HEIGHT px letters, and their typical height; None
    when there are too few letters."""
    mask = ink_mask(gray)
    _, labels, stats = components.labelled(mask)
    heights, widths = stats[:, components.HEIGHT], stats[:, components.WIDTH]
    # not taller than a twentieth of the page (rules, frames, logos), nor than 80 px on a crop
    letters = (heights > 6) & (heights < max(gray.shape[0] / 20, 80)) & (widths < 3 * heights)
    letters[0] = False  # the background
    if letters.sum() < min_letters:
        return None
    typical = float(np.median(heights[letters]))
    letters &= (heights >= 0.6 * typical) & (heights <= 2 * typical)
    kept = components.painted(mask, labels, np.where(letters, 255, 0).astype(np.uint8))
    if typical > LETTER_HEIGHT * 1.25:
        shrink = LETTER_HEIGHT / typical
        kept = cv2.resize(kept, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
        return np.where(kept >= 128, 255, 0).astype(np.uint8), LETTER_HEIGHT
    return kept, typical


def estimate_slant(gray: np.ndarray, word_height: float | None = None, min_letters: int = MIN_LETTERS) -> int:
    """The page's slant in degrees (strokes leaning right of vertical going up: positive), 0 when the
    print stands upright or the page says nothing clear (fewer than `min_letters` letters).
    `word_height`: the read's median word box, if known: a page of large print (an upscaled receipt)
    is shrunk before its blobs are counted."""
    if word_height and (shrink := LETTER_HEIGHT / (WORD_TO_LETTER * word_height)) < 0.8:
        gray = cv2.resize(gray, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA)
    letters = _letter_mask(gray, min_letters)
    if letters is None:
        return 0
    mask, typical = letters
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(4, int(0.7 * typical))))
    upright_ink: dict[int, int] = {}

    def measure(degrees: int) -> None:
        if degrees not in upright_ink and abs(degrees) <= MAX_DEGREES:
            upright_ink[degrees] = int(np.count_nonzero(cv2.erode(_sheared(mask, degrees, 0), kernel)))

    def best() -> int:
        return max(upright_ink, key=lambda degrees: (upright_ink[degrees], -abs(degrees)))

    for degrees in range(-MAX_DEGREES, MAX_DEGREES + 1, 2 * STEP_DEGREES):  # coarse, then around the best
        measure(degrees)
    around = best()
    measure(around - STEP_DEGREES)
    measure(around + STEP_DEGREES)
    slant = best()
    if abs(slant) < MIN_SLANT_DEGREES or upright_ink[slant] < MIN_GAIN * max(1, upright_ink[0]):
        return 0
    return slant


def deslant(gray: np.ndarray, degrees: int) -> np.ndarray:
    return _sheared(gray, degrees, 255)


def unslant_boxes(page: OcrPage, degrees: int, width: int) -> OcrPage:
    """The page read from `deslant(image, degrees)` with its boxes moved back to where the words are
    on `image` (`width` wide): geometry rules compare columns across rows, which a shear tilts."""
    k, height = math.tan(math.radians(degrees)), page.height
    offset = _offset(k, height)

    def back(left: int, top: int, box_height: int) -> int:
        return max(0, round(left - k * (top + box_height / 2) - offset))

    words = [word.model_copy({"left": back(word.left, word.top, word.height)}) for word in page.words]
    members: dict[int, list[OcrWord]] = {}
    for word in words:
        members.setdefault(word.line, []).append(word)
    lines = [_moved(line, members.get(number)) for number, line in enumerate(page.lines)]
    return page.model_copy({"words": words, "lines": lines, "width": width})


def _moved(line: OcrLine, words: list[OcrWord] | None) -> OcrLine:
    """The line's box around its moved words (its text as it was)."""
    if not words:
        return line
    box = line_from_words(words)
    return line.model_copy({"left": box.left, "width": box.width})
