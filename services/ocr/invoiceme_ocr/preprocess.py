"""OpenCV clean-up of a grayscale page before Tesseract. Each step returns a note saying what it did."""

from __future__ import annotations

import cv2
import numpy as np

TARGET_MIN_HEIGHT = 2000  # ~A4 height at 240 DPI; smaller pages are upscaled


def prepare_for_ocr(gray: np.ndarray) -> tuple[np.ndarray, list[str]]:
    notes: list[str] = []
    image = gray
    if image.shape[0] < TARGET_MIN_HEIGHT:
        factor = min(4.0, TARGET_MIN_HEIGHT / image.shape[0])
        image = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
        notes.append(f"upscaled x{factor:.1f}")
    return image, notes
