"""Page previews (PNG) of an original file. Rendering is not OCR: no text is read here.

Rendered on demand from the original rather than stored by the OCR service, because the OCR
service keeps only text and word boxes; rendering one page at preview size takes ~0.1 s.
An image's size is read from its header and checked against the OCR pixel limit before anything is
decoded (a 46 KB PNG can hold 13000x13000 pixels), then decoded reduced; a few renders run at once.
PDFium is not thread-safe, so PDF renders are serialised by one lock.
"""

from __future__ import annotations

import asyncio
import io
import threading
from dataclasses import dataclass, field

PREVIEW_DPI = 110
MAX_PREVIEW_SIDE = 2000
_pdfium_lock = threading.Lock()


class PageNotFound(LookupError):
    pass


class PageTooLarge(ValueError):
    """The page has more pixels than we decode; the message says how many."""


def _render_pdf(data: bytes, page_number: int) -> bytes:
    import pypdfium2 as pdfium

    with _pdfium_lock:
        document = pdfium.PdfDocument(data)
        try:
            if not 1 <= page_number <= len(document):
                raise PageNotFound(page_number)
            page = document[page_number - 1]
            # Never render more than MAX_PREVIEW_SIDE pixels on a side, however large the page claims to be.
            width, height = page.get_size()
            scale = min(PREVIEW_DPI / 72, MAX_PREVIEW_SIDE / max(width, height, 1))
            image = page.render(scale=scale).to_pil()
        finally:
            document.close()
    return _png(image)


def check_pixels(width: int, height: int, max_pixels: float) -> None:
    if width * height > max_pixels:
        raise PageTooLarge(
            f"this image is {width}x{height} pixels ({width * height / 1e6:.0f} megapixels); "
            f"previews are drawn up to {max_pixels / 1e6:g} megapixels"
        )


def _render_image(data: bytes, page_number: int, max_pixels: float) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:  # reads the header only
        frames = getattr(image, "n_frames", 1)
        if not 1 <= page_number <= frames:
            raise PageNotFound(page_number)
        image.seek(page_number - 1)
        check_pixels(*image.size, max_pixels)
        # Reduced first (JPEG decodes at 1/2..1/8 scale via draft), in the image's own mode.
        image.thumbnail((MAX_PREVIEW_SIDE, MAX_PREVIEW_SIDE))
        return _png(image.convert("RGB"))


def _png(image: object) -> bytes:
    from PIL import Image

    assert isinstance(image, Image.Image)
    image.thumbnail((MAX_PREVIEW_SIDE, MAX_PREVIEW_SIDE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _render(data: bytes, media_type: str | None, page_number: int, max_pixels: float = 60e6) -> bytes:
    if media_type == "application/pdf":
        return _render_pdf(data, page_number)
    if media_type == "image/heic":
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError as exc:
            raise PageNotFound(page_number) from exc
    return _render_image(data, page_number, max_pixels)


@dataclass
class PreviewRenderer:
    """One per gateway: the pixel limit, and how many renders may hold memory at once."""

    max_megapixels: float = 60.0
    concurrency: int = 2
    _slots: asyncio.Semaphore = field(init=False)

    def __post_init__(self) -> None:
        self._slots = asyncio.Semaphore(self.concurrency)

    async def render_page(self, data: bytes, media_type: str | None, page_number: int) -> bytes:
        """PNG of one 1-based page; PageNotFound when there is no such page, PageTooLarge past the limit."""
        async with self._slots:
            return await asyncio.to_thread(_render, data, media_type, page_number, self.max_megapixels * 1e6)
