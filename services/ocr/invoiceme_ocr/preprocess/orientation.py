"""Which way up is the page: Tesseract's orientation and script detection (OSD).

OSD needs `osd.traineddata` (Debian: tesseract-ocr-osd); without it we answer "don't know" and
the caller keeps the page as it is. It looks only at the band of the page with the most text:
a few hundred letters decide as well as the whole page, at a fifth of the cost.
"""

from __future__ import annotations

import numpy as np

from ..tesseract_api import detect_orientation
from ..tesseract_results import OsdReading
from .geometry import ink_mask, work_copy

MIN_OSD_CONFIDENCE = 1.0  # Tesseract's orientation confidence; below this its guess is noise
# Surer still before a page has been read: on 130 upright corpus pages and receipts (scans,
# photos) OSD's "upside down" never reached 1.5 (highest 1.4, a photo), while on the same pages
# turned it said so at >= 1.5 for 31/40 scans, 17/40 photos, 12/36 receipts (docs/BENCHMARKS.md).
SURE_BEFORE_READING = 1.5
# Between this and SURE_BEFORE_READING an "upside down" is worth checking before the full read (the
# densest band read both ways): 42 of those 164 turned pages fell there, and 6 of 164 upright ones.
WORTH_A_LOOK = 0.5
BAND_SHARE = 0.3  # of the page's height (or width, whichever is longer), around the most ink


def densest_band(gray: np.ndarray, share: float = BAND_SHARE) -> np.ndarray:
    """The strip across the page's long side that holds the most ink; the whole page when small."""
    work, scale = work_copy(gray)
    ink = ink_mask(work) > 0
    along_rows = gray.shape[0] >= gray.shape[1]
    profile = ink.sum(axis=1 if along_rows else 0).astype(np.float64)
    size = max(1, round(len(profile) * share))
    if size >= len(profile):
        return gray
    window = np.convolve(profile, np.ones(size), mode="valid")
    start = int(np.argmax(window) / scale)
    length = round(size / scale)
    band = gray[start : start + length] if along_rows else gray[:, start : start + length]
    return np.ascontiguousarray(band)


OsdVerdict = OsdReading | None  # (clockwise degrees to upright, confidence, script...); None: no answer


def osd_verdict(gray: np.ndarray, timeout: float = 30) -> OsdVerdict:
    """What OSD says of the page's densest band (~0.07 s of CPU whatever the band's size)."""
    return detect_orientation(densest_band(gray), timeout)


def page_osd(gray: np.ndarray, timeout: float = 30) -> OsdVerdict:
    """What OSD says of the whole page (~0.1 s of CPU): a second opinion on its script, since the
    densest band is often a table of digits, which OSD takes for Latin."""
    return detect_orientation(gray, timeout)


def rotation_from(verdict: OsdVerdict, min_confidence: float = MIN_OSD_CONFIDENCE) -> int | None:
    """The verdict's degrees when OSD was sure enough, else None."""
    if verdict is None:
        return None
    degrees, confidence = verdict.degrees, verdict.confidence
    return degrees if confidence >= min_confidence else None


def detect_rotation(gray: np.ndarray, timeout: float = 30) -> int | None:
    """Degrees clockwise that make the page upright (0, 90, 180, 270), or None when OSD is unsure."""
    return rotation_from(osd_verdict(gray, timeout))


def turn_clockwise(gray: np.ndarray, degrees: int) -> np.ndarray:
    return np.ascontiguousarray(np.rot90(gray, -(degrees // 90) % 4))
