"""Values shared by every part of the OCR path: options, the one error it raises, text clean-up.

The page readers live in `pdf.py` (text layer or rasterize) and `images.py` (image files); both
end in `tesseract.ocr_image`. They run inside worker processes, so they take plain values and
return pydantic models that pickle.
"""

from __future__ import annotations

from dataclasses import dataclass

from invoiceme_common.text_marks import STRIP_INVISIBLE

from .preprocess import DEFAULT_STEPS


class UnreadableDocument(Exception):
    """The file cannot be read as a document; the message says why in plain words."""


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "heb+eng"
    dpi: int = 300
    max_pages: int = 30
    max_megapixels: float = 60.0
    page_timeout_seconds: float = 120.0
    # 4 = one column of lines of varying size: keeps an invoice table's row on one line.
    page_segmentation_mode: int = 4
    preprocess_steps: tuple[str, ...] = DEFAULT_STEPS
    # Re-check which way up a page is (Tesseract OSD) only when its words read this badly.
    orientation_check_below_confidence: float = 0.75
    use_text_layer: bool = True

    def engines(self) -> list[tuple[str, int]]:
        """The Tesseract engines (languages, page segmentation mode) every page read loads: the
        reading one and, when pages are turned upright, OSD."""
        from .tesseract_api import OSD

        reading = (self.languages, self.page_segmentation_mode)
        return [reading, OSD] if "sideways" in self.preprocess_steps else [reading]


def clean_text(text: str) -> str:
    """Drop bidi control marks (Tesseract adds U+200E/U+200F around mixed runs) and CRs."""
    return text.translate(STRIP_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
