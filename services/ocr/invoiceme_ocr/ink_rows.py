"""Where a crop of the page holds ink: its dark pixels, the runs of inked rows and columns."""

from __future__ import annotations

import cv2
import numpy as np

MIN_CONTRAST = 40  # grey levels between a crop's darkest and lightest pixel: less is blank paper
INKED_ROW = 0.01  # of the strip's width: a row with less dark pixels is white between lines
MIN_ROW = 4  # px: shorter runs of inked rows are specks and rules


def runs_of(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, last + 1) of each run of True."""
    runs, start = [], None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index))
            start = None
    return runs


def ink_of(crop: np.ndarray) -> np.ndarray | None:
    """The crop's dark pixels as 1 (Otsu), or None when it is blank paper."""
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < MIN_CONTRAST:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def smoothed(flags: list[bool], gap: int) -> list[bool]:
    """Runs of True joined across gaps of False shorter than `gap` (the spaces inside an id)."""
    out = list(flags)
    last_true = None
    for index, flag in enumerate(flags):
        if flag:
            if last_true is not None and 0 < index - last_true - 1 < gap:
                out[last_true + 1 : index] = [True] * (index - last_true - 1)
            last_true = index
    return out


def inked_rows(ink: np.ndarray) -> list[tuple[int, int]]:
    """(first, last + 1) of each run of rows with ink across more than `INKED_ROW` of the width."""
    return runs_of((ink.sum(axis=1) > max(2, INKED_ROW * ink.shape[1])).tolist())
