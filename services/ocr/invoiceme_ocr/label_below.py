"""The print under a tax-id label, where a label printed over its value ('VAT No.' small and grey,
the number under it) keeps the id: `label_values` reads it when the strip beside the label holds no id.

On a dev scan (seed 9) a footer printed "עוסק מורשה" over "51-772829-1": the label was read, the
number under it came out as two letters, and the strip beside the label (all `label_values` read)
was white paper. So where no word under the label is an id either, the strip under it (reaching
out on either side: the value starts at the label's start side or is centred under it) is cut to
its first row of print and read like the strip beside; only an id that passes its check is taken.

A box drawn round label and value (a boxed cell) puts its sides in every row of that strip: with a
scan's specks they passed for a row of print between label and value (a 7 px "row" over a 31 px id,
seed 8). Columns inked down most of the strip are a rule's and not counted, and a row of print is at
least half the label's height.
"""

from __future__ import annotations

import numpy as np

from .tax_id_labels import Label

Strip = tuple[int, int, int, int]  # left, top, right, bottom on the page

DOWN = 4.0  # label heights under the label where its value's row may start and end
MIN_ROW = 4  # px: shorter runs of inked rows are specks and rules
RULE_COLUMN = 0.8  # of the strip's rows: a column inked in more is a vertical rule, not print


def strip_below(label: Label, reach: int, page_width: int, page_height: int) -> Strip:
    """(left, top, right, bottom) under the label, `reach` px out on either side of it: the value
    under a label starts at its start side, or is centred under it, and is often the wider."""
    top = min(page_height, label.bottom)
    bottom = min(page_height, label.bottom + int(DOWN * label.height))
    return max(0, label.left - reach), top, min(page_width, label.right + reach), bottom


def first_row(strip: Strip, ink: np.ndarray | None, min_height: int = MIN_ROW) -> tuple[Strip, int] | None:
    """The strip cut to its first row of print (`ink`: its dark pixels as 1) at least `min_height`
    px tall, and that row's height; None when it has none."""
    if ink is None:
        return None
    ink = ink[:, ink.mean(axis=0) < RULE_COLUMN]
    inked = np.concatenate([[False], ink.sum(axis=1) > max(2, 0.01 * ink.shape[1]), [False]])
    edges = np.flatnonzero(np.diff(inked.astype(np.int8)))
    shortest = max(MIN_ROW, min_height)
    rows = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= shortest]
    if not rows:
        return None
    left, top, right, bottom = strip
    first, last = rows[0]
    margin = max(2, (last - first) // 4)
    return (left, max(top, top + first - margin), right, min(bottom, top + last + margin)), last - first
