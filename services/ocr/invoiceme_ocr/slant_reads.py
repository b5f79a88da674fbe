"""The reads again of slanted print: a page that leans as a whole (italic or oblique faces), and values
slanted on an upright form (`slanted_values`). `read` reads an image as the page was read (its
languages and options), with the notes given."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord, words_box

from . import slanted_values
from .preprocess import slant

Read = Callable[[np.ndarray, list[str]], OcrPage]


def words_area(words: list[OcrWord], scale: float = 1.0) -> tuple[slice, slice]:
    """The rows and columns (of the page at `scale`) the read found words in: where the slant is
    measured (a receipt on a scanner's whole glass is a small part of the image)."""
    left, top, right, bottom = words_box(words)
    return slice(int(top * scale), round(bottom * scale)), slice(int(left * scale), round(right * scale))


def read_deslanted(image: np.ndarray, page: OcrPage, read: Read) -> OcrPage:
    """A page that read badly (`page`, from `image`) read again with its print sheared upright when
    it leans (an italic or oblique face); the better read is kept, boxes where the words are."""
    heights = sorted(word.height for word in page.words)
    degrees = slant.estimate_slant(image[words_area(page.words)], heights[len(heights) // 2])
    if not degrees:
        return page
    retry = read(slant.deslant(image, degrees), [*page.notes, f"{slant.NOTE_PREFIX}{degrees}°"])
    if retry.confidence <= page.confidence:
        return page
    return slant.unslant_boxes(retry, degrees, image.shape[1])


def read_slanted_values(image: np.ndarray, page: OcrPage, read: Read) -> OcrPage:
    """Values printed slanted on an upright page (a form filled in by hand): when the ink the read
    is unsure of leans, the page is read again sheared upright and its better words taken there."""
    suspect, ink, scale = slanted_values.suspect_ink(image, page.words)
    judged = slanted_values.as_image(suspect[words_area(page.words, scale)])
    degrees = slant.estimate_slant(judged, min_letters=slanted_values.MIN_LETTERS)
    if not degrees:
        return page
    moved = slant.unslant_boxes(read(slant.deslant(image, degrees), page.notes), degrees, image.shape[1])
    return slanted_values.merged(page, moved.words, suspect, ink, scale)
