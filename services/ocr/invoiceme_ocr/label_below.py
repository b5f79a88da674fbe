"""A tax id printed under its label (a small label over its value, a boxed grid cell with the label in
its corner): where `label_values` finds no id beside a label, the print under it is read again.

The value starts where its label starts (the left edge of a Latin label, the right edge of a Hebrew
one) on the first row of print under the label, within a few label heights; the strip runs from that
edge as far as `BESIDE` label heights, so a value in the next column is not taken for it."""

from __future__ import annotations

import numpy as np

from invoiceme_common.ocr_pages import OcrWord

from .ink_rows import MIN_ROW, ink_of, inked_rows
from .unread_ink import overlaps

BELOW = 3.4  # label heights under the label's bottom where its value's row may end
LEAD = 0.6  # label heights the strip reaches past the label's start edge (the value may start earlier)
BESIDE = 16.0  # label heights the strip runs from the start edge (as label_values' strip beside)

Strip = tuple[int, int, int, int]


def strip_below(
    left: int, top: int, right: int, bottom: int, rtl: bool, page_width: int, page_height: int
) -> Strip:
    """(left, top, right, bottom) under the label box (left, top, right, bottom): from just below it
    down `BELOW` label heights, from its start edge (right of a Hebrew label) along the reading
    direction."""
    height = max(1, bottom - top)
    strip_top = bottom + max(1, height // 8)
    strip_bottom = min(page_height, bottom + int(BELOW * height))
    if rtl:
        return (
            max(0, right - int(BESIDE * height)),
            strip_top,
            min(page_width, right + int(LEAD * height)),
            strip_bottom,
        )
    return (
        max(0, left - int(LEAD * height)),
        strip_top,
        min(page_width, left + int(BESIDE * height)),
        strip_bottom,
    )


def first_row(row_runs: list[tuple[int, int]], label_height: int) -> tuple[int, int] | None:
    """The first run of inked rows (top, bottom) tall enough to be print (half the label's height)."""
    for start, end in row_runs:
        if end - start >= max(3, label_height // 2):
            return start, end
    return None


def line_of_row(words: list[OcrWord], new: OcrWord) -> int | None:
    """The `line` of the words on the new word's row (their middle inside its span), or None."""
    top, bottom = new.top, new.top + new.height
    level = [w for w in words if top <= w.top + w.height / 2 <= bottom]
    if not level:
        return None
    nearest = min(
        level, key=lambda w: min(abs(w.left - new.left - new.width), abs(new.left - w.left - w.width))
    )
    return nearest.line


def with_word_below(words: list[OcrWord], label_indexes: tuple[int, ...], new: OcrWord) -> list[OcrWord]:
    """The words with `new` (read under a label) in place of those it lies on; else on the line of
    the words level with it, or on a line of its own (the label's line would join the two rows)."""
    under = [i for i, w in enumerate(words) if i not in label_indexes and overlaps(w, new)]
    if under:
        line = words[under[0]].line
    else:
        found = line_of_row(words, new)
        line = found if found is not None else max((w.line for w in words), default=0) + 1
    placed = new.model_copy(update={"line": line})
    kept = [w for i, w in enumerate(words) if i not in under]
    on_line = [i for i, w in enumerate(kept) if w.line == line]
    rtl = len(on_line) > 1 and kept[on_line[0]].left > kept[on_line[-1]].left
    # in reading order: before the first word that follows it (right to left on a Hebrew line)
    follows = [i for i in on_line if (kept[i].left < placed.left if rtl else kept[i].left > placed.left)]
    at = follows[0] if follows else (on_line[-1] + 1 if on_line else len(kept))
    return [*kept[:at], placed, *kept[at:]]


def indexes_of(words: list[OcrWord], original: list[OcrWord], indexes: tuple[int, ...]) -> tuple[int, ...]:
    wanted = {id(original[i]) for i in indexes}
    return tuple(i for i, w in enumerate(words) if id(w) in wanted)


def row_under(gray: np.ndarray, strip: Strip, label_height: int) -> tuple[int, int] | None:
    """(top, bottom) on the page of the first row of print in the strip under a label (its value's
    row), or None when the strip is blank."""
    left, top, right, bottom = strip
    if bottom - top < MIN_ROW or right - left < label_height:
        return None
    ink = ink_of(gray[top:bottom, left:right])
    if ink is None:
        return None
    row = first_row(inked_rows(ink), label_height)
    return None if row is None else (top + row[0], top + row[1])
