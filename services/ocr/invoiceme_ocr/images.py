"""Image files (PNG, JPEG, TIFF, WebP, BMP, HEIC): size checked from the header before any pixel is
decoded, EXIF orientation applied, one grayscale page per frame."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image, ImageOps

from invoiceme_common.ocr_pages import OcrPage
from invoiceme_common.sniff import sniff_media_type

from .engine import OcrOptions, UnreadableDocument
from .tesseract import ocr_image


def register_heif() -> None:
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC support is optional; such files then fail with a clear reason
        pass


def open_image(data: bytes) -> Image.Image:
    """Opens lazily: only the header is read here."""
    if sniff_media_type(data) == "image/heic":
        register_heif()  # only then: pillow_heif costs ~0.05 s of CPU to import
    # Pillow's own bomb guard has a fixed limit; `check_pixels` applies the configured one, to the
    # header's dimensions, before any frame is decoded.
    Image.MAX_IMAGE_PIXELS = None
    try:
        return Image.open(io.BytesIO(data))
    except Exception as exc:
        raise UnreadableDocument(f"the image cannot be decoded ({type(exc).__name__}: {exc})") from exc


def image_page_count(data: bytes) -> int:
    with open_image(data) as image:
        return int(getattr(image, "n_frames", 1))


def check_pixels(width: int, height: int, page: int, options: OcrOptions) -> None:
    megapixels = width * height / 1e6
    if megapixels > options.max_megapixels:
        raise UnreadableDocument(
            f"page {page} is {width}x{height} pixels ({megapixels:.0f} megapixels); "
            f"the limit is {options.max_megapixels:g}"
        )


COLOUR_PREVIEW = 1000  # px, the long side of the colour copy kept for the page's outline


def to_gray(image: Image.Image) -> np.ndarray:
    """8-bit grayscale; transparent areas become white paper, 16-bit scans are scaled down."""
    return to_gray_and_colour(image)[0]


def to_gray_and_colour(image: Image.Image) -> tuple[np.ndarray, np.ndarray | None]:
    """The page in grey (see `to_gray`) and, for a colour image, a small colour copy: a photo's
    page outline on a dark desk is found by colour where a coloured band printed up to the paper's
    edge is as dark as the desk in grey (docs/BENCHMARKS.md, section photos6)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, rgba)
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        top = values.max() or 1.0
        return (values * (255 / top)).clip(0, 255).astype(np.uint8), None
    if image.mode in ("RGB", "RGBA", "CMYK", "YCbCr", "P"):
        # Ink is whatever is dark in any channel: a luma conversion (0.3/0.59/0.11) washes out
        # coloured print (a receipt's red or faded thermal lines); Tesseract reading the colour file
        # itself thresholds each channel. Measured on the 50 SROIE receipts (docs/BENCHMARKS.md).
        rgb = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))  # no copy to copy
        shrink = min(1.0, COLOUR_PREVIEW / max(rgb.shape[:2]))
        preview = (
            cv2.resize(rgb, None, fx=shrink, fy=shrink, interpolation=cv2.INTER_AREA) if shrink < 1 else rgb
        )
        return darkest_channel(rgb), preview
    return np.asarray(image.convert("L")).copy(), None


def darkest_channel(rgb: np.ndarray) -> np.ndarray:
    """`rgb.min(axis=2)`, pixel for pixel, ~10x cheaper: numpy's reduction over a 3-wide last axis
    cost a photo ~0.1 s of CPU (docs/BENCHMARKS.md, perf16)."""
    return np.minimum(np.minimum(rgb[..., 0], rgb[..., 1]), rgb[..., 2])


def decode_frame(data: bytes, index: int, options: OcrOptions) -> np.ndarray:
    return decode_page(data, index, options)[0]


def decode_page(data: bytes, index: int, options: OcrOptions) -> tuple[np.ndarray, np.ndarray | None]:
    """One frame upright, in grey and (for a colour image) as a small colour copy."""
    with open_image(data) as image:
        try:
            image.seek(index)
        except EOFError as exc:
            raise UnreadableDocument(f"page {index + 1} is missing from the image") from exc
        check_pixels(image.width, image.height, index + 1, options)
        try:
            ImageOps.exif_transpose(image, in_place=True)  # a copy of the frame when upright already
            return to_gray_and_colour(image)
        except (OSError, SyntaxError, ValueError) as exc:
            raise UnreadableDocument(f"the image is truncated or damaged ({exc})") from exc


def read_image_page(data: bytes, index: int, options: OcrOptions) -> OcrPage:
    gray, colour = decode_page(data, index, options)
    return ocr_image(index + 1, gray, options, colour)
