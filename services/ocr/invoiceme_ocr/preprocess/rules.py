"""Table and box rulings found and erased before Tesseract (`clear_rules`).

Tesseract removes rule lines itself only when they come out of its own binarization unbroken; a
photo's thin grey rules come out dashed, the box stays one large non-text shape, and the page layout
classes the boxed cells as a picture and never reads them (docs/BENCHMARKS.md, section photo).
"""

from __future__ import annotations

import cv2
import numpy as np

from . import components
from .cleanup import text_height
from .geometry import ink_mask

# Letter heights: a horizontal ruling runs longer than a word's tops or middles can line up;
# a vertical one (a cell's side, a box around one line) longer than any letter's stem.
RULE_LENGTH = {"horizontal": 6.0, "vertical": 2.5}
RULE_THICKNESS = 0.35  # letter heights: a ruling is thinner than this
RULE_INK_CONTRAST = 8  # grey levels under the neighbourhood: faint rules count (specks never make long runs)
RULE_GAP = 3  # pixels of a broken rule bridged
RULE_FILL_WINDOW = 11  # pixels around an erased one whose mean fills it (letters up to 20 px)
# Rules are looked for at full size when letters are at most this tall (the corpus photos and scans:
# 10-20 px); on larger pages (300 DPI, camera resolution) on a copy shrunk to RULE_WORK_LETTER.
RULE_FULL_SIZE_LETTER = 20
RULE_WORK_LETTER = 16
CROSSED_TEXT = 0.3  # share of a run's length crossed by taller ink: letters (or a filled bar), not a rule
FLANKED_TEXT = 0.3  # share of a run's length with ink just above and below it: letters, not a rule


def rule_mask(gray: np.ndarray, letter: float | None = None) -> np.ndarray:
    """Table and box rulings (255): horizontal or vertical runs of ink several letters long that
    are thin along most of their length. Tesseract removes such lines itself only when they come
    out of its binarization unbroken; a photo's thin grey rules come out dashed, the box stays one
    large non-text shape, and the page layout marks the boxed cells as a picture and drops their
    text. Larger pages are searched on a copy with 16 px letters (a 300 DPI page or a 15 MP photo
    costs what a 150 DPI one does), and the rules drawn back at full size a little wider."""
    letter = letter or letter_height(gray)
    scale = 1.0 if letter <= RULE_FULL_SIZE_LETTER else RULE_WORK_LETTER / letter
    work = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else gray
    letter *= scale
    # The adaptive mask hollows out a filled bar (inside it nothing is darker than around it),
    # leaving two thin edges that look like rules; clearly dark pixels keep the bar solid.
    paper = float(np.percentile(work[::4, ::4], 90))
    ink = ink_mask(work, RULE_INK_CONTRAST) | cv2.threshold(work, paper / 2, 255, cv2.THRESH_BINARY_INV)[1]
    across, across_letters = _horizontal_rules(ink, letter, RULE_LENGTH["horizontal"])
    down, down_letters = (
        mask.T for mask in _horizontal_rules(np.ascontiguousarray(ink.T), letter, RULE_LENGTH["vertical"])
    )
    # Where two rules cross each counts as the other's "letter": the crossing goes too.
    rules = np.where((across & ~across_letters) | (down & ~down_letters) | (across & down), 255, 0)
    rules = rules.astype(np.uint8)
    if scale == 1.0:
        return rules
    full = cv2.resize(rules, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
    return cv2.dilate(full, np.ones((3, 3), np.uint8), iterations=max(1, round(0.5 / scale)))


def letter_height(gray: np.ndarray) -> float:
    """`text_height`, or a guess from the page's size when it finds no letters."""
    return text_height(gray) or min(gray.shape) / 80


def _horizontal_rules(ink: np.ndarray, letter: float, letters_long: float) -> tuple[np.ndarray, np.ndarray]:
    """The horizontal rulings of an ink mask (vertical ones: pass it transposed). Told from a run
    of ink through a line of letters (bold letters touching at the baseline, digits at their
    middles) two ways: letters cross such a run with their stems all along it, and have ink on
    both sides of it; a rule is touched only here and there. Returns the rules and, on them, the
    pixels of what touches them (to be left as they are)."""
    length, thickness = max(15, round(letters_long * letter)), max(2, round(RULE_THICKNESS * letter))
    # A thin grey rule comes out of the threshold broken into dashes: bridge short gaps first.
    bridged = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (RULE_GAP, 1)))
    runs = cv2.morphologyEx(bridged, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    tall = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, thickness + 1))
    )
    count, labels = cv2.connectedComponents(runs, connectivity=8)
    boxes = components.component_boxes(runs, labels, count)
    keep = np.zeros(count, bool)
    for index, (left, top, width, height) in enumerate(boxes.tolist(), 1):
        if top <= 1 or top + height >= ink.shape[0] - 1:
            continue  # the page's own edge (a sliver of desk): erased in part, its rest reads as junk
        window = (slice(top, top + height), slice(left, left + width))
        run = labels[window] == index
        columns = max(1, int(run.any(axis=0).sum()))
        crossed = int((run & (tall[window] > 0)).any(axis=0).sum())
        above = ink[max(0, top - 2 - thickness) : max(0, top - 2), left : left + width].any(axis=0)
        below = ink[top + height + 2 : top + height + 2 + thickness, left : left + width].any(axis=0)
        flanked = int((above & below).sum())  # a band cut off by the image's edge is empty: all False
        keep[index] = crossed < CROSSED_TEXT * columns and flanked < FLANKED_TEXT * columns
    found = components.painted(runs, labels, keep.astype(np.uint8)) > 0
    return found, found & (tall > 0)


def clear_rules(gray: np.ndarray) -> np.ndarray:
    """Erase the rulings (and their blurred edges): text in boxed cells and tables is then read as
    text, and rules no longer read as `|` or `_`."""
    letter = letter_height(gray)
    rules = cv2.dilate(rule_mask(gray, letter), np.ones((3, 3), np.uint8))
    if not rules.any():
        return gray
    # Each erased pixel takes the mean of the unerased ones around it: a rule across a shaded cell
    # becomes shaded, not white (a white stripe reads as `|`). ~10x cheaper than cv2.inpaint.
    kept = cv2.bitwise_not(rules) // 255
    side = max(RULE_FILL_WINDOW, round(RULE_FILL_WINDOW * letter / RULE_FULL_SIZE_LETTER) | 1)
    window = (side, side)
    left, top, width, height = cv2.boundingRect(rules)  # only around the rules (a page has few)
    area = (
        slice(max(0, top - side), top + height + side),
        slice(max(0, left - side), left + width + side),
    )
    total = cv2.boxFilter(gray[area] * kept[area], cv2.CV_32F, window, normalize=False)
    count = cv2.boxFilter(kept[area], cv2.CV_32F, window, normalize=False)
    erased = np.nonzero(rules[area])
    paper = float(np.percentile(gray[::4, ::4], 90))
    cleared = gray.copy()
    cleared[area][erased] = np.where(count[erased] > 0, total[erased] / np.maximum(count[erased], 1), paper)
    return cleared
