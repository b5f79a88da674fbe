"""Tax ids the page's read turned into unsure letters, read again: cut out, enlarged, read with `eng`.

On a dev photo (seed 8) a vendor's 'ESA81267544', printed under a small grey 'CIF' that OCR read as
'cr', came out as 'Pane Be' at confidence 0.12 and 0.26: no digit, so no number re-read looked at it,
and no label was read for `label_values` to look beside. The same box cut out and enlarged read
'ESA81267544' at 0.88. So runs of words read at low confidence, wide enough to be an id, are read
again in one extra Tesseract call (stacked), and a read that holds an id passing its check (an
Israeli check digit, an EU VAT number's own check) replaces them; any other read changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from stdnum.eu import vat as eu_vat

from invoiceme_common.ocr_pages import OcrPage, OcrWord, words_box

from .digits import Reading, Region
from .tax_id_shapes import ids_in
from .unread_ink import with_words

UNSURE = 0.5  # a word read less sure than this may be garbled print
MIN_WIDTH = 4.0  # in the run's heights: an id of 8 to 15 characters is wider than this
MAX_WIDTH = 16.0  # wider runs are a line of garbled text, not one id
GAP = 1.5  # in heights: words further apart are two runs
MARGIN = 0.4  # of the run's height, around its box
MAX_RUNS = 6  # runs read per page (all in one call)
PRINT_HEIGHT = 32  # px: runs are enlarged so their print comes near the height Tesseract reads best
MAX_ENLARGE = 3.0
CHECKED = 0.5  # confidence of an id read again that passed its check

# (the page image, the runs' regions) -> a reading per region, or None when Tesseract failed
ReadRegions = Callable[[np.ndarray, list[Region]], list[Reading] | None]


def unsure_runs(words: list[OcrWord]) -> list[tuple[int, int]]:
    """(first, last) word indexes of each run of neighbouring unsure words on one line, as wide as
    an id is."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, word in enumerate([*words, None]):
        joins = (
            word is not None
            and word.confidence < UNSURE
            and start is not None
            and word.line == words[index - 1].line
            and _gap(words[index - 1], word) < GAP * word.height
        )
        if joins:
            continue
        if start is not None:
            runs.append((start, index - 1))
        start = index if word is not None and word.confidence < UNSURE else None
    return [(first, last) for first, last in runs if _wide_as_an_id(words[first : last + 1])]


def _gap(one: OcrWord, other: OcrWord) -> int:
    """Blank between two words' boxes, whichever comes first: a Hebrew line lists its words right
    to left."""
    return max(one.left, other.left) - min(one.left + one.width, other.left + other.width)


def _wide_as_an_id(run: list[OcrWord]) -> bool:
    height = max(w.height for w in run)
    left, _, right, _ = words_box(run)
    return MIN_WIDTH * height <= right - left <= MAX_WIDTH * height


def checked_id(text: str) -> str | None:
    """The id a read holds when it passes a real check: an Israeli id's check digit, or an EU VAT
    number's (a well-formed one is not enough: this read stands on no label)."""
    for _, _, found in ids_in(text.split()):
        if found[:2].isalpha() and not eu_vat.is_valid(found):
            continue
        return found
    return None


def region_of(run: list[OcrWord], first: int, page_width: int, page_height: int) -> Region:
    left, top, right, bottom = words_box(run)
    margin = max(2, round(MARGIN * max(w.height for w in run)))
    return Region(
        first,
        max(0, left - margin),
        max(0, top - margin),
        min(page_width, right + margin),
        min(page_height, bottom + margin),
    )


def enlargement(regions: list[Region]) -> float:
    """How much to enlarge the stacked regions so that their print is near PRINT_HEIGHT."""
    heights = sorted((r.bottom - r.top) / (1 + 2 * MARGIN) for r in regions)
    return min(MAX_ENLARGE, max(1.0, PRINT_HEIGHT / max(1.0, heights[len(heights) // 2])))


def reread_garbled_ids(page: OcrPage, gray: np.ndarray, read_regions: ReadRegions) -> OcrPage:
    """The page with ids read again where its words were unsure garble (`read_regions` reads the
    regions in one call)."""
    runs = unsure_runs(page.words)[:MAX_RUNS]
    if not runs:
        return page
    height, width = gray.shape[:2]
    regions = [region_of(page.words[a : b + 1], a, width, height) for a, b in runs]
    readings = read_regions(gray, regions)
    if readings is None:
        return page
    on_page = {found for _, _, found in ids_in([w.text for w in page.words])}
    replaced: dict[int, OcrWord] = {}  # the run's first word -> the id read there
    dropped: set[int] = set()
    for (first, last), reading in zip(runs, readings, strict=True):
        found = checked_id(reading.text)
        if found is None or found in on_page:
            continue
        run = page.words[first : last + 1]
        left, top, right, bottom = words_box(run)
        replaced[first] = OcrWord(
            text=found,
            left=left,
            top=top,
            width=right - left,
            height=bottom - top,
            confidence=round(max(CHECKED, reading.confidence), 3),
            line=run[0].line,
        )
        dropped.update(range(first + 1, last + 1))
    if not replaced:
        return page
    words = [replaced.get(i, w) for i, w in enumerate(page.words) if i not in dropped]
    return with_words(page, words, "re-read garbled ids")
