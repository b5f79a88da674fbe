"""One word's crop read alone, enlarged, as one line of digits with the engine's per-character
choices kept: what the id repair (`id_choices`) and the day re-read (`day_rereads`) both weigh."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from .digits import Region
from .long_numbers import ENLARGE
from .tesseract_api import CHOICE_DIGITS, read_symbol_choices
from .tesseract_results import TesseractFailed

# Per character read: (character, weight 0..1) for each choice the engine weighed, its pick first
SymbolChoices = list[tuple[str, float]]
ReadDigits = Callable[[np.ndarray], list[SymbolChoices] | None]

PAD = 10  # white border around a crop: Tesseract misreads ink that touches the image's edge


def enlarged_crop(gray: np.ndarray, region: Region) -> np.ndarray:
    crop = gray[region.top : region.bottom, region.left : region.right]
    crop = cv2.copyMakeBorder(crop, PAD, PAD, PAD, PAD, cv2.BORDER_CONSTANT, value=255)
    return cv2.resize(crop, None, fx=ENLARGE, fy=ENLARGE, interpolation=cv2.INTER_CUBIC)


def engine_reader(timeout: float, alphabet: str = CHOICE_DIGITS) -> ReadDigits:
    """Tesseract's single-line read of `alphabet`'s characters (digits by default) with its choices;
    None when it fails (the page stands)."""

    def read(crop: np.ndarray) -> list[SymbolChoices] | None:
        try:
            return read_symbol_choices(crop, timeout, alphabet)
        except TesseractFailed:
            return None

    return read
