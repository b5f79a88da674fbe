"""Whether a page is upside down before its full read: OSD's word on its densest band, and when OSD
is only half sure, that band read both ways."""

from __future__ import annotations

import numpy as np

from .engine import OcrOptions
from .preprocess import GUESSED_QUARTER_TURN, orientation
from .tesseract_api import read_words
from .tesseract_results import TesseractFailed

ORIENTATION_BAND = 0.16  # of the page, for the which-way-up reads


MIN_WORD_CONFIDENCE = 50  # Tesseract's 0-100


TURNED_MARGIN = 1.5  # turned must read this much better: an upright page is never turned on a whim
TURNED_BEFORE_READING = "rotated 180°"  # the note of a page turned on OSD's word on one band


def upside_down_before_reading(
    prepared: np.ndarray, verdict: orientation.OsdVerdict, options: OcrOptions
) -> bool:
    """Whether to turn the page 180° before its full read. Read first, an upside-down page costs a
    wasted full read (garbage, then OSD, then again); OSD on one band (a tenth of a read) settles
    it when sure, and when only half sure the densest band read both ways (a third of a read) does."""
    if orientation.rotation_from(verdict, orientation.SURE_BEFORE_READING) == 180:
        return True
    return orientation.rotation_from(verdict, orientation.WORTH_A_LOOK) == 180 and reads_better_turned(
        prepared, options
    )


def readable_characters(data: dict[str, list]) -> float:
    """Characters Tesseract read with some confidence, weighted by it: text the right way up gives
    many; upside down it gives few (most words are dropped or read as short doubtful scraps)."""
    return sum(
        len(str(text).strip()) * float(conf) / 100
        for text, conf in zip(data["text"], data["conf"], strict=True)
        if float(conf) >= MIN_WORD_CONFIDENCE
    )


def reads_better_turned(prepared: np.ndarray, options: OcrOptions) -> bool:
    """Whether the page reads better turned 180°: its densest band read both ways (two reads of a
    sixth of the page), a surer judge than OSD on photos and small print."""
    band = orientation.densest_band(prepared, share=ORIENTATION_BAND)
    scores = []
    for candidate in (band, orientation.turn_clockwise(band, 180)):
        try:
            data = read_words(
                candidate, options.languages, options.page_segmentation_mode, options.page_timeout_seconds
            )
        except TesseractFailed:
            return False
        scores.append(readable_characters(data))
    return scores[1] > TURNED_MARGIN * scores[0]


def turn_after_a_bad_read(osd_degrees: int | None, notes: list[str]) -> int | None:
    """Degrees to try on a page that read badly: OSD's on the page as read, else 180° when the page
    was turned on a guess before reading (a quarter turn chosen without OSD, or OSD's word on one
    band: speckled dark header bands have been called upside down at 1.6, script "Thai"), since then
    the guess may have gone the wrong way and OSD on the garbled page is seldom sure."""
    if osd_degrees is None and (GUESSED_QUARTER_TURN in notes or TURNED_BEFORE_READING in notes):
        return 180
    return osd_degrees


def notes_after_turn(notes: list[str], degrees: int) -> list[str]:
    """The notes of a page turned `degrees` more: a page turned back from a 180° guess is as scanned."""
    if degrees == 180 and TURNED_BEFORE_READING in notes:
        return [note for note in notes if note != TURNED_BEFORE_READING]
    return [*notes, f"rotated {degrees}°"]
