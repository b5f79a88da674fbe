"""Which way up is the page: Tesseract's orientation and script detection (`--psm 0`).

OSD needs `osd.traineddata` (Debian: tesseract-ocr-osd); without it we answer "don't know" and
the caller keeps the page as it is.
"""

from __future__ import annotations

import re

import numpy as np
import pytesseract

MIN_OSD_CONFIDENCE = 1.0  # Tesseract's orientation confidence; below this its guess is noise


def parse_osd(report: str) -> tuple[int, float]:
    """(clockwise degrees to turn the page upright, confidence) from `tesseract --psm 0` output."""
    rotate = re.search(r"Rotate:\s*(\d+)", report)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", report)
    if not rotate or not confidence:
        return 0, 0.0
    return int(rotate.group(1)) % 360, float(confidence.group(1))


def detect_rotation(gray: np.ndarray, timeout: float = 30) -> int | None:
    """Degrees clockwise that make the page upright (0, 90, 180, 270), or None when OSD is unsure."""
    try:
        report = pytesseract.image_to_osd(gray, config="--psm 0 -c min_characters_to_try=10", timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return None  # too little text, no osd.traineddata, or timed out
    degrees, confidence = parse_osd(report)
    return degrees if confidence >= MIN_OSD_CONFIDENCE else None


def turn_clockwise(gray: np.ndarray, degrees: int) -> np.ndarray:
    return np.ascontiguousarray(np.rot90(gray, -(degrees // 90) % 4))
