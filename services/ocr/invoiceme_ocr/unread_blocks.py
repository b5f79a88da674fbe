"""Blocks of print a photo's page read left out (a side panel, a box of totals beside the table, a
column of a footer), each cut out and read alone.

After the page's read and the band re-reads (`unread_ink`), small light print on a panel beside the
main column was still missing on dev photos: the panel of panel_en_02 (seed 8) cut out alone and
read as one block (`--psm 6`) gave the document number, date and tax id that the page's read and
the full-width band re-reads missed; with the panel's edge in the crop only scraps came out
(docs/BENCHMARKS.md, photos9). So the page's ink lines are grouped into blocks (lines above one
another, close together), and a block narrower than the page that holds a line the words read
cover too little of is cut out up to its own ink (the crop stops before any other ink: a fill's
edge, a rule, the next column), enlarged to a readable size, read as one block, and merged in.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
import numpy.typing as npt

from invoiceme_common.ocr_pages import OcrPage, OcrWord

from .bidi import has_hebrew
from .crop_polarity import dark_print
from .page_script import latin_languages
from .preprocess.geometry import ink_mask, line_boxes, line_shaped, work_copy
from .unread_ink import (
    COVERED,
    MIN_HEIGHT,
    SURE,
    band_words,
    covered_width,
    letters_and_digits,
    overlaps,
    with_words,
)

Box = tuple[int, int, int, int]  # left, top, right, bottom in page pixels

LINE_GAP = 3.0  # of the taller line's height: two lines further apart are not one block (a panel's
# faint label between two values is often no ink line of its own)
SIDE_GAP = 1.0  # of the taller line's height: lines this far apart side by side are two blocks
NARROW = 0.7  # of the page's width: a wider block is a band, which `unread_ink` reads already
MARGIN = 0.8  # of the block's line height, the most the crop reaches past its lines
CHAR_WIDTH = 1.2  # of a word's height: wider than any letter with its spacing
READABLE_LINE = 30  # px: small print is enlarged to about this line height (Tesseract's best)
MAX_ENLARGE = 3.0
PAD = 10  # px of white around the enlarged crop
MAX_BLOCKS = 6  # the blocks with most unread ink are read; more is a page that read badly overall
# A side panel's rows are short ('VAT', '123.71'): narrower than `line_boxes`' text lines (40 px at
# the work copy's ~1000 px, five times as wide as tall), its totals were no ink line at all and the
# panel was never re-read (dev seed 9 panel_en_01). Short lines count too when they make a panel:
# a block of at least PANEL_LINES of them of which the page's read left most (PANEL_UNREAD) unread.
SHORT_WIDTH = 15  # px on the work copy
SHORT_RATIO = 2.5
PANEL_LINES = 2
PANEL_UNREAD = 0.5
PANEL_NOTE = "re-read a side panel"  # the page read a block of short lines (counted by the bench)


def block_languages(page_text: str, languages: str) -> str:
    """The languages a block is read with: the page's Latin ones when its read holds no Hebrew
    letter. A block read alone has no context, and with Hebrew loaded a Latin page's 'Beträge
    in €' came out 'Betrage in ₪' (seed 7 classic_de_00), a shekel sign no other line printed."""
    return languages if has_hebrew(page_text) else latin_languages(languages) or languages


def line_blocks(lines: list[Box]) -> list[list[Box]]:
    """The ink lines grouped into blocks: two lines are of one block when they overlap (or nearly)
    across and the gap between them down the page is under LINE_GAP of the taller one's height."""
    parent = list(range(len(lines)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, (left, top, right, bottom) in enumerate(lines):
        for j in range(i + 1, len(lines)):
            other = lines[j]
            tall = max(bottom - top, other[3] - other[1])
            across = max(left, other[0]) - min(right, other[2])  # < 0: they overlap
            down = max(top, other[1]) - min(bottom, other[3])
            if across <= SIDE_GAP * tall and down <= LINE_GAP * tall:
                parent[root(j)] = root(i)
    blocks: dict[int, list[Box]] = {}
    for index, line in enumerate(lines):
        blocks.setdefault(root(index), []).append(line)
    return sorted(blocks.values(), key=lambda block: min(line[1] for line in block))


def as_read(word: OcrWord) -> OcrWord:
    """The word's box cut to the width its characters can fill (CHAR_WIDTH of its height each): a
    box over a whole tax id read as '3' covers one character of it, not the id."""
    fillable = round(len(word.text) * CHAR_WIDTH * word.height)
    return word.model_copy(update={"width": min(word.width, fillable)})


def unread_share(words: list[OcrWord], block: list[Box]) -> float:
    """The share of the block's ink-line width that the words read (`as_read`) do not cover,
    counting only the lines covered less than COVERED (`unread_ink`'s measure)."""
    words = [as_read(word) for word in words]
    total = sum(right - left for left, _, right, _ in block)
    unread = 0
    for left, top, right, bottom in block:
        width = right - left
        covered = covered_width(words, left, top, right, bottom)
        if covered < COVERED * width:
            unread += width - covered
    return unread / max(1, total)


def blocks_to_read(words: list[OcrWord], lines: list[Box], page_width: int) -> list[list[Box]]:
    """The blocks narrower than NARROW of the page with a line left unread, most unread first."""
    lines = [line for line in lines if line[3] - line[1] >= MIN_HEIGHT]
    scored = []
    for block in line_blocks(lines):
        width = max(line[2] for line in block) - min(line[0] for line in block)
        share = unread_share(words, block)
        if width < NARROW * page_width and share > 0:
            scored.append((share * width, block))
    scored.sort(key=lambda item: -item[0])
    return [block for _, block in scored[:MAX_BLOCKS]]


def with_panels(
    words: list[OcrWord], blocks: list[list[Box]], short: list[Box], page_width: int
) -> list[list[Box]]:
    """`blocks` with the panels the short lines (`short`) make added, each in place of the blocks
    it holds: blocks of PANEL_LINES or more lines, of which more than PANEL_UNREAD is unread."""
    panels = [
        block
        for block in blocks_to_read(words, short, page_width)
        if len(block) >= PANEL_LINES and unread_share(words, block) > PANEL_UNREAD
    ]
    if not panels:
        return blocks
    boxes = [_box(panel) for panel in panels]
    kept = [block for block in blocks if not any(_inside(_box(block), box) for box in boxes)]
    return (kept + panels)[:MAX_BLOCKS]


def _box(block: list[Box]) -> Box:
    return (
        min(line[0] for line in block),
        min(line[1] for line in block),
        max(line[2] for line in block),
        max(line[3] for line in block),
    )


def _inside(inner: Box, outer: Box) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def crop_box(block: list[Box], ink: np.ndarray) -> Box:
    """The block's box grown by up to MARGIN of its line height on each side, each side stopping
    before the first row or column with ink outside the block (`ink`: the page's ink mask, 0/1,
    at page size): a fill's edge or a rule in the crop made Tesseract read the block as scraps."""
    left, top = min(line[0] for line in block), min(line[1] for line in block)
    right, bottom = max(line[2] for line in block), max(line[3] for line in block)
    heights = sorted(line[3] - line[1] for line in block)
    reach = max(2, round(MARGIN * heights[len(heights) // 2]))
    height, width = ink.shape
    rows, columns = ink[top:bottom, :], ink[:, left:right]
    new_left = _clear_run(np.any(rows[:, max(0, left - reach) : left][:, ::-1], axis=0))
    new_right = _clear_run(np.any(rows[:, right : min(width, right + reach)], axis=0))
    new_top = _clear_run(np.any(columns[max(0, top - reach) : top][::-1], axis=1))
    new_bottom = _clear_run(np.any(columns[bottom : min(height, bottom + reach)], axis=1))
    return left - new_left, top - new_top, right + new_right, bottom + new_bottom


def _clear_run(has_ink: npt.ArrayLike) -> int:
    """How many of the steps outward (`has_ink` per step) come before the first one with ink."""
    has_ink = np.atleast_1d(np.asarray(has_ink))
    hits = np.flatnonzero(has_ink)
    return int(hits[0]) if len(hits) else len(has_ink)


def readable_crop(gray: np.ndarray, box: Box, line_height: float) -> tuple[np.ndarray, float]:
    """The box cut out with its print dark on light (a fill's light text turned dark), stretched
    from its darkest ink to its ground, enlarged to READABLE_LINE; and the factor it was enlarged by."""
    left, top, right, bottom = box
    stretched = dark_print(gray[top:bottom, left:right], keep_as_printed=False)
    factor = float(np.clip(READABLE_LINE / max(1.0, line_height), 1.0, MAX_ENLARGE))
    if factor > 1.0:
        stretched = cv2.resize(stretched, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    # a white border: print touching the crop's edge reads worse
    return cv2.copyMakeBorder(stretched, PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT, value=255), factor


def block_words(data: dict[str, list], box: Box, factor: float) -> list[OcrWord]:
    """Tesseract's words on a crop of `box` enlarged by `factor` (and padded), in page pixels; a
    word read in the white border starts at the box's edge (a box left of the page's edge made
    the slant check's area of words empty)."""
    left, top = box[0], box[1]
    in_page = {
        **data,
        "left": [left + max(0, x - PAD) / factor for x in data["left"]],
        "top": [max(0, y - PAD) / factor for y in data["top"]],
        "width": [max(1.0, w / factor) for w in data["width"]],
        "height": [max(1.0, h / factor) for h in data["height"]],
    }
    return band_words(in_page, top)


def unread_lines(words: list[OcrWord], block: list[Box]) -> list[Box]:
    """The block's ink lines that the words read (`as_read`) cover less than COVERED of."""
    words = [as_read(word) for word in words]
    return [line for line in block if covered_width(words, *line) < COVERED * (line[2] - line[0])]


def with_block_rereads(page: OcrPage, unread: list[list[Box]], rereads: list[list[OcrWord]]) -> OcrPage:
    """The page with the re-read's lines that reach a line left unread (`unread`, per block) taken
    whole, over the old words they lie on, when they hold more letters and digits than those. Taken
    whole: a label read only now stays on one line with its amount; the page's other lines stay as
    read (merged word by word, a box of totals' labels came in on lines apart from their amounts
    and the total went wrong: seed 8 panel_he_01). The page itself when nothing was taken."""
    words = list(page.words)
    next_line = max((w.line for w in words), default=-1) + 1
    taken_any = False
    for lines, new_words in zip(unread, rereads, strict=True):
        by_line: dict[int, list[OcrWord]] = {}
        for word in new_words:
            if word.confidence >= SURE:
                by_line.setdefault(word.line, []).append(word)
        for new in by_line.values():
            reached = [line for line in lines if any(_centred_in(w, line) for w in new)]
            if not reached:
                continue
            old = [
                w
                for w in words
                if any(overlaps(w, n) for n in new) or any(_centred_in(w, line) for line in reached)
            ]
            if letters_and_digits(new) <= letters_and_digits(old):
                continue
            taken_any = True
            words = [w for w in words if w not in old]
            words += [w.model_copy(update={"line": next_line}) for w in new]
            next_line += 1
    return with_words(page, words, "re-read unread blocks") if taken_any else page


def _centred_in(word: OcrWord, box: Box) -> bool:
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def page_boxes(work_boxes: list[tuple[int, int, int, int]], scale: float) -> list[Box]:
    """Ink lines found on the work copy (x, y, w, h), as boxes in page pixels."""
    return [
        (int(x / scale), int(y / scale), int((x + w) / scale), int((y + h) / scale))
        for x, y, w, h in work_boxes
    ]


def read_blocks(
    page: OcrPage,
    gray: np.ndarray,
    mask: np.ndarray,
    blocks: list[list[Box]],
    read_block: Callable[[np.ndarray], dict[str, list]],
) -> OcrPage:
    """Each block cut out to its own ink (`mask`: the work copy's), enlarged, read alone by
    `read_block`, and its lines taken over the page's words where they hold more."""
    ink = cv2.resize(mask, gray.shape[::-1], interpolation=cv2.INTER_NEAREST) > 0
    rereads = []
    for block in blocks:
        box = crop_box(block, ink)
        heights = sorted(line[3] - line[1] for line in block)
        crop, factor = readable_crop(gray, box, heights[len(heights) // 2])
        rereads.append(block_words(read_block(crop), box, factor))
    return with_block_rereads(page, [unread_lines(page.words, block) for block in blocks], rereads)


def reread_unread_blocks(
    page: OcrPage, gray: np.ndarray, read_block: Callable[[np.ndarray], dict[str, list]]
) -> OcrPage:
    """Find the blocks the page's read left lines of unread and read each alone with `read_block`
    (image -> Tesseract's word data, read as one block of text)."""
    work, scale = work_copy(gray)
    mask = ink_mask(work)
    # the short lines include every text line: the blobs are found once and the text lines kept
    found = line_boxes(mask, SHORT_WIDTH, SHORT_RATIO)
    lines, short = page_boxes([box for box in found if line_shaped(box)], scale), page_boxes(found, scale)
    text_blocks = blocks_to_read(page.words, lines, gray.shape[1])
    blocks = with_panels(page.words, text_blocks, short, gray.shape[1])
    if not blocks:
        return page
    read = read_blocks(page, gray, mask, blocks, read_block)
    if read is not page and any(block not in text_blocks for block in blocks):
        read = read.model_copy(update={"notes": [*read.notes, PANEL_NOTE]})
    return read
