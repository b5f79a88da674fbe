"""A second read of a page at 0.7 × its size, carried on the page for the extractor to weigh.

One Tesseract read of a small, noisy page (a thermal till slip, a low-resolution scan) misreads
digits at random, and no single setting wins: on real receipts the true date or total was in the
text of some read of the page far more often than in the text of any one read. Which read is right
is not for OCR to judge (a wrong '15.96' reads at 91 %): the extractor reads its fields from both
and keeps, field by field, the one its own checks are surer of (`invoiceme_extractor.two_reads`).
0.7 × won over 1.5 ×, page segmentation mode 3 and `eng` alone as the second view
(docs/BENCHMARKS.md, `tworeads25`).
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord

from .engine import UnreadableDocument

SCALE = 0.7

ReadPage = Callable[[np.ndarray, np.ndarray | None], OcrPage]


# A till slip prints 32-48 characters a line: its text is ~20-40 word heights wide (real receipts:
# median 26, 9 in 10 under 32), an A4 or letter page's 55-95. On invoices of such pages a second
# read gained nothing (docs/BENCHMARKS.md, `tworeads25`), so they are read once.
SLIP_WIDTH_IN_WORD_HEIGHTS = 45.0


def wants_second_read(page: OcrPage) -> bool:
    """A till slip or receipt Tesseract read (a text layer is what it is)."""
    width = text_width_in_word_heights(page)
    return page.method == "ocr" and width is not None and width <= SLIP_WIDTH_IN_WORD_HEIGHTS


def text_width_in_word_heights(page: OcrPage) -> float | None:
    """How wide the page's column of text is, in heights of its words: from the 10th percentile of
    its lines' left edges to the 90th of their right edges (a speck or a stamp beside the column
    does not widen it). None when there is no text to measure."""
    lines = [line for line in page.lines if len(line.text.strip()) >= 3]
    heights = sorted(word.height for word in page.words if len(word.text) > 1)
    if not lines or not heights:
        return None
    lefts = sorted(line.left for line in lines)
    rights = sorted(line.left + line.width for line in lines)
    left, right = lefts[len(lefts) // 10], rights[-1 - len(rights) // 10]
    return max(0, right - left) / max(1, heights[len(heights) // 2])


def with_second_read(page: OcrPage, gray: np.ndarray, colour: np.ndarray | None, read: ReadPage) -> OcrPage:
    """`page` with `second_read` set: `read` of the page at SCALE, its boxes in `page`'s pixels."""
    if not wants_second_read(page):
        return page
    try:
        second = read(_shrunk(gray), None if colour is None else _shrunk(colour))
    except UnreadableDocument:  # out of time: the first read stands alone
        return page
    return page.model_copy(update={"second_read": in_pixels_of(second, page)})


def _shrunk(image: np.ndarray) -> np.ndarray:
    return cv2.resize(image, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_AREA)


def in_pixels_of(second: OcrPage, page: OcrPage) -> OcrPage:
    """`second` with its words' and lines' boxes scaled to `page`'s size, so that evidence found in
    either read marks the same place on the picture the user sees."""
    x = page.width / second.width if second.width else 1.0
    y = page.height / second.height if second.height else 1.0

    def box(item: OcrWord | OcrLine) -> dict[str, int]:
        return {
            "left": round(item.left * x),
            "top": round(item.top * y),
            "width": round(item.width * x),
            "height": round(item.height * y),
        }

    return second.model_copy(
        update={
            "width": page.width,
            "height": page.height,
            "words": [word.model_copy(update=box(word)) for word in second.words],
            "lines": [line.model_copy(update=box(line)) for line in second.lines],
        }
    )
