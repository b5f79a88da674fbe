"""Values shared by every part of the OCR path: options, the one error it raises, text clean-up.

The page readers live in `pdf.py` (text layer or rasterize) and `images.py` (image files); both
end in `tesseract.ocr_image`. They run inside worker processes, so they take plain values and
return page dataclasses (`invoiceme_common.ocr_pages`) that pickle.
"""

from __future__ import annotations

from dataclasses import dataclass

from invoiceme_common.sniff import SUPPORTED, describe_unsupported, sniff_media_type
from invoiceme_common.text_marks import STRIP_INVISIBLE

# OcrSettings' defaults, kept here so `invoiceme ocr` can use them without loading the settings.
DEFAULT_WORKERS = 2
DEFAULT_MAX_FILE_MB = 25.0


# The preparation steps (`preprocess.prepare_for_ocr`), named here rather than there so the options
# load without OpenCV: `invoiceme ocr` starts loading Tesseract before it imports OpenCV.
ALL_STEPS = (
    "perspective",
    "downscale",
    "denoise",
    "sideways",
    "upscale",
    "deskew",
    "flatten_light",
    "invert_fills",
    "clear_rules",
    "deslant",
    "reread_blocks",
    "contrast",
    "clear_borders",
    "binarize",
)
# Kept because `bench/ocr` measured them to help; "contrast", "clear_borders" and "binarize" made
# the character error rate worse there (docs/BENCHMARKS.md) and stay opt-in.
# "upscale": only scans whose letters are under SMALL_TEXT_HEIGHT (150 DPI), measured on the corpus'
# wide scans (docs/BENCHMARKS.md, lowdpi).
# "clear_rules": the corpus photos' fields (bench/extraction), boxed and ruled cells read again.
# "invert_fills": a dark band's photo lost its faint print to Tesseract's global threshold (photos6).
# "deslant": after the read, a page that read badly and leans (italic print) is read again upright
# (`slant_reads.read_deslanted`; docs/BENCHMARKS.md, slant9).
# "reread_blocks": photos, after the read, a block of print beside the main column (a panel, a box
# of totals) with lines left unread is read alone (`unread_blocks`; docs/BENCHMARKS.md, panels10).
DEFAULT_STEPS = (
    "perspective",
    "downscale",
    "denoise",
    "sideways",
    "upscale",
    "deskew",
    "flatten_light",
    "invert_fills",
    "clear_rules",
    "deslant",
    "reread_blocks",
)


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
    # Read a till slip's page a second time at 0.7 × (`second_reads`); the extractor weighs both.
    second_read: bool = True

    def engines(self) -> list[tuple[str, int]]:
        """The Tesseract engines (languages, page segmentation mode) every page read loads: the
        reading one and, when pages are turned upright, OSD. (The Latin-script-only one is started
        only when OSD finds a page Latin: `tesseract.read_in_its_script`.)"""
        from .tesseract_api import OSD

        reading = (self.languages, self.page_segmentation_mode)
        return [reading, OSD] if "sideways" in self.preprocess_steps else [reading]


def check_document(data: bytes, max_file_bytes: int) -> str:
    """The media type of an acceptable file; the cheap refusals (empty, too big, neither a PDF nor
    an image) happen here, before any page is decoded."""
    if not data:
        raise UnreadableDocument("the file is empty (0 bytes)")
    if len(data) > max_file_bytes:
        raise UnreadableDocument(
            f"the file is {len(data) / 2**20:.1f} MB; the limit is {max_file_bytes / 2**20:g} MB"
        )
    media_type = sniff_media_type(data)
    if media_type is None:
        kinds = ", ".join(kind.split("/")[1].upper() for kind in SUPPORTED)
        raise UnreadableDocument(f"the file is {describe_unsupported(data)}, not a PDF or an image ({kinds})")
    return media_type


def clean_text(text: str) -> str:
    """Drop bidi control marks (Tesseract adds U+200E/U+200F around mixed runs) and CRs."""
    return text.translate(STRIP_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
