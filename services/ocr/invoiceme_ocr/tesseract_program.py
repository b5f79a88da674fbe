"""The same calls through the `tesseract` program (`pytesseract`), where `tesserocr` is not installed:
a process per call, the page passed through a temporary file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .tesseract_results import (
    OSD_CHARACTERS,
    OsdReading,
    TesseractFailed,
    TesseractTimedOut,
    parse_osd,
    parse_osd_script,
)

if TYPE_CHECKING:
    import numpy as np


def program_words(gray: np.ndarray, languages: str, segmentation_mode: int, timeout: float) -> dict:
    import pytesseract
    from PIL import Image

    image = Image.fromarray(gray)
    image.format = "TIFF"  # pytesseract's temporary file: uncompressed TIFF is the cheapest
    try:
        return pytesseract.image_to_data(
            image,
            lang=languages,
            config=f"--oem 1 --psm {segmentation_mode}",
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except pytesseract.TesseractError as exc:  # before its base class RuntimeError
        raise TesseractFailed(exc.message.strip()) from exc
    except RuntimeError as exc:  # pytesseract kills Tesseract and raises this on timeout
        raise TesseractTimedOut(f"took longer than {timeout:g} s") from exc


def program_orientation(
    gray: np.ndarray, timeout: float, characters: int = OSD_CHARACTERS
) -> OsdReading | None:
    import pytesseract

    config = f"--psm 0 -c min_characters_to_try={characters}"
    try:
        report = pytesseract.image_to_osd(gray, config=config, timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return None
    return OsdReading(*parse_osd(report), *parse_osd_script(report))
