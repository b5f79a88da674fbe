"""Dark fills turned light before Tesseract (`invert_fills`): a band, a dark table header, a black
total box, with their light text turned dark.

Tesseract binarizes a page with one global (Otsu) threshold. A large dark fill makes the page's
histogram two-peaked between the fill and the paper, the threshold drops between them, and grey
print lighter than it (a photo's small, soft letters) is read as paper: a banded photo's whole
header block and table were missing from its read (docs/BENCHMARKS.md, section photos6). Inverted,
the fill is light like the paper and its text dark like the rest of the page's.

A fill whose text is darker than it (black print on a mid-grey shaded cell, or on a shadow that
`flatten_light` left) is not inverted, which would turn its text lighter than its ground and erase
it: it is only brought to the paper's white, its text staying dark.
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
# Light text breaks a fill where it runs (the search's opening is a letter tall): a line of text
# across a box one or two lines tall, the words of a dark header row. Left out, that text stayed
# light on dark between inverted parts and read as blotches. A gap between two parts of a fill, up
# to this many letters along a row or down a column, is the fill's when it is mostly dark (light
# words on it), not when it is paper (two fills with print between them).
BRIDGE_LETTERS = 12
BRIDGE_LINES = 3
BRIDGE_DARK = 0.5
EDGE_RING = 2  # px around a fill made light too: its blurred edge would stay as a dark outline
# Text inside a fill: pixels this far from its ground (grey levels, or this share of the way to
# white or black, whichever is more); a photo's noise (sd 3-9) stays within it.
TEXT_CONTRAST = 25
TEXT_CONTRAST_SHARE = 0.4
DARK_TEXT_OVER_LIGHT = 2.0  # dark text must outnumber light pixels this many times
MIN_TEXT_SHARE = 0.02  # of the fill: less is specks, not text


def fill_mask(gray: np.ndarray, letter: float) -> np.ndarray:
    """Dark areas thicker than a letter is tall everywhere (letters' strokes and rules are thinner),
    with the light text printed in them: 255 inside a fill, 0 elsewhere."""
    dark = (gray < FILL_DARK).astype(np.uint8)
    size = max(5, round(letter))
    opened = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((size, size), np.uint8))
    if not opened.any():
        # No dark area thicker than a letter: nothing to bridge, so no fill (the usual page). The
        # bridging's row and column closings are ~90 % of the search: 0.2-0.3 s of CPU on a photo.
        return np.zeros(gray.shape, np.uint8)
    solid = bridge_words(opened, dark, size)
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


def text_is_light(values: np.ndarray) -> bool:
    """Whether a fill's text (its pixels far from the fill's own level) is lighter than the fill:
    white on a band or a black total box; not black print on a grey cell. Only clearly dark text
    counts against it: a fill with no text, or an uneven one (a sliver of desk shading into the
    page's edge, as light on one side as dark on the other) is inverted as before."""
    ground = float(np.median(values))
    lighter = int((values > ground + max(TEXT_CONTRAST, TEXT_CONTRAST_SHARE * (255 - ground))).sum())
    darker = int((values < ground - max(TEXT_CONTRAST, TEXT_CONTRAST_SHARE * ground)).sum())
    return darker < max(DARK_TEXT_OVER_LIGHT * lighter, MIN_TEXT_SHARE * values.size)


def bridge_words(solid: np.ndarray, dark: np.ndarray, letter: int) -> np.ndarray:
    """`solid` (0/1) with the gaps between two of its parts, along a row or down a column, filled
    where the gap is mostly `dark` (light words on a fill, which the opening cut out of it), then
    carried on past the ends of rows (`extend_row_ends`)."""
    for kernel in ((1, BRIDGE_LETTERS * letter), (BRIDGE_LINES * letter, 1)):
        closed = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, np.ones(kernel, np.uint8))
        gaps = closed & (1 - solid)
        if gaps.any():
            solid = solid | dark_gaps(gaps, dark)
    return extend_row_ends(solid, dark, letter)


def dark_gaps(gaps: np.ndarray, dark: np.ndarray) -> np.ndarray:
    """The 4-connected parts of `gaps` (0/1) that are mostly `dark` (0/1), as 0/1. Labelled within
    the gaps' bounding box only, and their dark pixels counted, not weighed: a photo's fills are a
    small part of it, and the whole page's labels and float weights were ~0.1 s of CPU."""
    left, top, width, height = cv2.boundingRect(gaps)
    window = (slice(top, top + height), slice(left, left + width))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(
        np.ascontiguousarray(gaps[window]), connectivity=4
    )
    darkness = np.bincount(labels[(gaps[window] & dark[window]) > 0], minlength=count)
    keep = darkness >= BRIDGE_DARK * stats[:, cv2.CC_STAT_AREA]
    keep[0] = False
    found = np.zeros_like(gaps)
    found[window] = keep.astype(np.uint8)[labels]
    return found


def extend_row_ends(solid: np.ndarray, dark: np.ndarray, letter: int) -> np.ndarray:
    """`solid` (0/1) with each part carried on along its rows past its ends as far as the rows stay
    mostly `dark` (a letter wide at a time): a header row's first and last words, at its ends, have
    no part beyond them to bridge to. Each row of the part is carried from its own end (a word's
    lower-case letters leave a notch in the part above them)."""
    out = solid.copy()
    # labelled within the parts' bounding box (a page's fills are a small part of it)
    box_left, box_top, box_width, box_height = cv2.boundingRect(solid)
    if not box_width:
        return out
    box = np.ascontiguousarray(solid[box_top : box_top + box_height, box_left : box_left + box_width])
    count, labels, stats, _ = cv2.connectedComponentsWithStats(box, connectivity=8)
    for index in range(1, count):
        left, top, width, height, area = stats[index].tolist()
        if area < MIN_FILL_AREA * letter * letter:
            continue
        part = labels[top : top + height, left : left + width] == index
        left, top = left + box_left, top + box_top
        rows = slice(top, top + height)
        present = part.any(axis=1)
        row_first = left + part.argmax(axis=1)
        row_last = left + width - 1 - part[:, ::-1].argmax(axis=1)
        for start, step in ((left - 1, -1), (left + width, 1)):
            length = _dark_run(dark[rows], start, step, letter)
            if not length:
                continue
            far = start + step * (length - 1)
            columns = np.arange(solid.shape[1])[None, :]
            if step < 0:
                reach = (columns >= far) & (columns < row_first[:, None])
            else:
                reach = (columns > row_last[:, None]) & (columns <= far)
            out[rows] |= (reach & present[:, None]).astype(np.uint8)
    return out


def _dark_run(band: np.ndarray, start: int, step: int, letter: int) -> int:
    """How many columns from `start` (going `step`) a band of rows stays mostly dark, judged a
    letter's width at a time, then up to the fill's own edge."""
    end = int(np.clip(start + step * BRIDGE_LETTERS * letter, -1, band.shape[1]))
    columns = band[:, min(start, end + 1) : max(start + 1, end)].mean(axis=0)
    if step < 0:
        columns = columns[::-1]
    if len(columns) < letter:
        return 0
    window = np.convolve(columns, np.ones(letter) / letter, mode="valid")
    light = np.flatnonzero(window < BRIDGE_DARK)
    length = int(light[0]) if len(light) else len(window)
    return length + int(np.argmax(np.append(columns[length : length + letter], 0.0) < BRIDGE_DARK))


def invert_fills(gray: np.ndarray) -> np.ndarray:
    """The page with every dark fill brought to the paper's white: inverted when its text is light
    (inverted alone a fill is light grey, and the global threshold then falls between it and the
    paper: the fill reads as black, its text with it), only lightened when its text is dark; the
    fill's blurred edge made light. Unchanged without a fill."""
    if (gray < FILL_DARK).mean() < 0.005:
        return gray  # no fill can be there (the usual page): skip the search
    fills = fill_mask(gray, text_height(gray) or 20.0)
    if not fills.any():
        return gray
    out = gray.copy()
    count, labels = cv2.connectedComponents(fills, ltype=cv2.CV_16U)
    # Each pixel of a fill's edge ring takes the number of the fill it borders.
    ring_size = 2 * EDGE_RING + 1
    near = cv2.dilate(labels, np.ones((ring_size, ring_size), np.uint8))
    ring = (near > 0) & (labels == 0)
    for label in range(1, count):
        inside, edge = labels == label, ring & (near == label)
        light_text = text_is_light(gray[inside])
        values = 255.0 - gray[inside] if light_text else gray[inside].astype(np.float64)
        ground = max(float(np.median(values)), 1.0)  # the fill's own colour, as it will read
        out[inside] = np.clip(values * (255.0 / ground), 0, 255).astype(np.uint8)
        lit_edge = np.maximum(gray[edge], 255 - gray[edge]) if light_text else gray[edge] * (255.0 / ground)
        out[edge] = np.clip(lit_edge, 0, 255).astype(np.uint8)
    return out
