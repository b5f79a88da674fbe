"""Dark fills turned light before Tesseract (`invert_fills`): a band, a dark table header, a black
total box, with their light text turned dark.

Tesseract binarizes a page with one global (Otsu) threshold. A large dark fill makes the page's
histogram two-peaked between the fill and the paper, the threshold drops between them, and grey
print lighter than it (a photo's small, soft letters) is read as paper: a banded photo's whole
header block and table were missing from its read (docs/BENCHMARKS.md, section photos6). Inverted,
the fill is light like the paper and its text dark like the rest of the page's.
"""

from __future__ import annotations

import cv2
import numpy as np

from .cleanup import text_height

FILL_DARK = 110  # grey level (paper ~230-255 after flatten_light): darker pixels may belong to a fill
MIN_FILL_AREA = 12  # in squared letter heights: a black total box counts (a small very dark area pulls
# the global threshold down as much as a band does: a banded photo kept losing its faint print while
# only its band was inverted), a bold word does not
MIN_SOLIDITY = 0.6  # of the fill's outline that is dark: a band with text (holes), not a frame
EDGE_RING = 2  # px around a fill made light too: its blurred edge would stay as a dark outline


def fill_mask(gray: np.ndarray, letter: float) -> np.ndarray:
    """Dark areas thicker than a letter is tall everywhere (letters' strokes and rules are thinner),
    with the light text printed in them: 255 inside a fill, 0 elsewhere."""
    dark = (gray < FILL_DARK).astype(np.uint8)
    size = max(5, round(letter))
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((size, size), np.uint8))
    contours, _ = cv2.findContours(solid, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    fills = np.zeros(gray.shape, np.uint8)
    for contour in contours:
        outline = np.zeros(gray.shape, np.uint8)
        cv2.drawContours(outline, [contour], -1, 255, thickness=cv2.FILLED)
        inside = outline > 0
        area = int(inside.sum())
        if area < MIN_FILL_AREA * size * size or solid[inside].mean() < MIN_SOLIDITY:
            continue
        fills |= outline
    return fills


def invert_fills(gray: np.ndarray) -> np.ndarray:
    """The page with every dark fill inverted and brought to the paper's white (and its edge made
    light); unchanged without one. Inverted alone a fill is light grey, and the global threshold
    then falls between it and the paper: the fill reads as black, its text with it."""
    if (gray < FILL_DARK).mean() < 0.005:
        return gray  # no fill can be there (the usual page): skip the search
    fills = fill_mask(gray, text_height(gray) or 20.0)
    if not fills.any():
        return gray
    out = gray.copy()
    count, labels = cv2.connectedComponents(fills)
    for label in range(1, count):
        inside = labels == label
        inverted = 255.0 - gray[inside]
        ground = max(float(np.median(inverted)), 1.0)  # the fill's own colour, inverted
        out[inside] = np.clip(inverted * (255.0 / ground), 0, 255).astype(np.uint8)
    ring = (cv2.dilate(fills, np.ones((2 * EDGE_RING + 1, 2 * EDGE_RING + 1), np.uint8)) > 0) & (fills == 0)
    out[ring] = np.maximum(gray[ring], 255 - gray[ring])
    return out
