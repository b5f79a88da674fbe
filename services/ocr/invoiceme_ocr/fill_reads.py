"""Light print on a scan's dark fill (a side panel, a header band) that the page's read left out, read
again from the fill alone.

`invert_fills` runs on photos only (on scans it changed totals for the worse: docs/BENCHMARKS.md,
photos6), so a scan's band or panel goes to Tesseract as printed, white print on a dark ground, and
the page's read often drops it: on dev clean scans of seed 11, the vendor tax ids printed in a dark
side panel (panel_he_02) and in a header band (banded_he_02) were not in the text at all, while the
fill cut out, turned dark on white (`dark_print`) and read alone as sparse text gave them. So a
scan's large fills whose light print the page's words cover too little of are read that way, and
each line read there is taken over the words it lies on when it holds more letters and digits
(`unread_blocks.with_block_rereads`). Pages without a dark fill cost a few morphology passes on the
~1000 px work copy; a fill whose print was read costs nothing more.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrPage, OcrWord, words_box

from .crop_polarity import dark_print
from .digits import group_by_line
from .preprocess.components import labelled
from .preprocess.geometry import work_copy
from .unread_blocks import PAD, Box, as_read, block_words, with_block_rereads

PAPER = 205  # grey level: darker ground is a fill (paper reads ~230-255 after flatten_light)
STROKE = 0.01  # of the work copy's width: closing over this bridges a fill's light letters
MIN_AREA = 0.01  # of the page: a band or a panel, not a dark word or a logo
MIN_SOLIDITY = 0.6  # of its bounding box that the fill covers: a rectangle, not a frame or a blot
LIGHT = 40  # grey levels above the fill's ground that are its print
MIN_PRINT = 50  # px of light print: less is specks on the fill
UNREAD = 0.5  # share of the fill's light print outside the words read above which it is read again
FLAT_GROUND = 20  # grey levels a panel's ground may vary by (dev panels: 0; a lid's shadow: 74)
MAX_FILLS = 2  # fills read per page (one Tesseract call each), most unread print first
NOTE = "re-read light print on a fill"

ReadBlock = Callable[[np.ndarray], dict[str, list]]  # an image -> Tesseract's word data


def dark_fills(gray: np.ndarray) -> list[Box]:
    """The page's large dark rectangles (left, top, right, bottom in page pixels), cut a little
    inside their edge so the crop holds only the fill and its print."""
    work, scale = work_copy(gray)
    stroke = max(3, round(STROKE * work.shape[1]))
    dark = (work < PAPER).astype(np.uint8)
    solid = cv2.morphologyEx(dark, cv2.MORPH_CLOSE, np.ones((stroke, stroke), np.uint8))
    # opened wider than a stroke: text lines and rules are gone, a fill stays
    solid = cv2.morphologyEx(solid, cv2.MORPH_OPEN, np.ones((2 * stroke, 2 * stroke), np.uint8))
    count, _, stats = labelled(solid)
    fills = []
    for x, y, width, height, area in stats[1:count]:
        if area < MIN_AREA * work.size or area < MIN_SOLIDITY * width * height:
            continue
        inset = max(2, stroke // 2)
        box = (x + inset, y + inset, x + width - inset, y + height - inset)
        fills.append((int(box[0] / scale), int(box[1] / scale), int(box[2] / scale), int(box[3] / scale)))
    return fills


def unread_print(words: list[OcrWord], gray: np.ndarray, box: Box) -> float:
    """The share of the fill's light print (LIGHT above its ground) that no word read covers
    (`as_read`); 0 for a fill without light print (black print on a grey cell is read as usual)."""
    left, top, right, bottom = box
    crop = gray[top:bottom, left:right]
    if crop.size == 0:
        return 0.0
    light = crop > float(np.median(crop)) + LIGHT
    total = int(light.sum())
    if total < MIN_PRINT:
        return 0.0
    covered = np.zeros(light.shape, bool)
    for word in map(as_read, words):
        covered[
            max(0, word.top - top) : max(0, word.top + word.height - top),
            max(0, word.left - left) : max(0, word.left + word.width - left),
        ] = True
    return 1.0 - int((light & covered).sum()) / total


def fills_to_read(words: list[OcrWord], gray: np.ndarray) -> list[Box]:
    """The fills whose light print the words read cover less than 1 - UNREAD of, most unread first."""
    scored = [(unread_print(words, gray, box), box) for box in dark_fills(gray)]
    return [box for share, box in sorted(scored, key=lambda item: -item[0]) if share > UNREAD][:MAX_FILLS]


def _overlap(one: Box, other: Box) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def _flat_ground(gray: np.ndarray, box: Box) -> bool:
    """A printed panel's ground is one grey across it (its rows' and columns' medians within
    FLAT_GROUND levels, print aside); a scanner lid's shadow, which flattening rightly took away,
    darkens towards the page's edge."""
    left, top, right, bottom = box
    crop = gray[top:bottom, left:right]
    for medians in (np.median(crop, axis=0), np.median(crop, axis=1)):
        if np.percentile(medians, 95) - np.percentile(medians, 5) > FLAT_GROUND:
            return False
    return True


def fills_with_source(
    words: list[OcrWord], gray: np.ndarray, unflattened: np.ndarray | None
) -> list[tuple[Box, np.ndarray]]:
    """(box, image to read it from) for each fill to read: the page's own, then those only the page
    before `flatten_light` shows (a light-grey panel flattening turned white), read from that."""
    chosen = [(box, gray) for box in fills_to_read(words, gray)]
    if unflattened is not None:
        seen = dark_fills(gray)
        chosen += [
            (box, unflattened)
            for box in fills_to_read(words, unflattened)
            if not any(_overlap(box, other) for other in seen) and _flat_ground(unflattened, box)
        ]
    return chosen[:MAX_FILLS]


def reread_fills(
    page: OcrPage, gray: np.ndarray, read_block: ReadBlock, unflattened: np.ndarray | None = None
) -> OcrPage:
    """The page with the light print of its unread fills read alone by `read_block` (an image ->
    Tesseract's word data) and merged in line by line; the page itself when nothing was taken.
    `unflattened`: the page before `flatten_light`, same size (`preprocess.prepare_page`), or None."""
    chosen = fills_with_source(page.words, gray, unflattened)
    if not chosen:
        return page
    unread, rereads = [], []
    for box, source in chosen:
        left, top, right, bottom = box
        crop = dark_print(source[top:bottom, left:right], keep_as_printed=False)
        crop = cv2.copyMakeBorder(crop, PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT, value=255)
        words = block_words(read_block(crop), box, 1.0)
        unread.append([words_box(line) for line in group_by_line(words)])
        rereads.append(words)
    read = with_block_rereads(page, unread, rereads)
    return page if read is page else read.model_copy(update={"notes": [*read.notes[:-1], NOTE]})
