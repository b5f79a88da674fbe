"""Page previews (PNG) of an original file. Rendering is not OCR: no text is read here.

Rendered on demand from the original rather than stored by the OCR service, because the OCR
service keeps only text and word boxes; rendering one page at preview size takes ~0.1 s.
PDFium is not thread-safe, so renders are serialised by one lock.
"""

from __future__ import annotations

import asyncio
import io
import threading

PREVIEW_DPI = 110
MAX_PREVIEW_SIDE = 2000
_pdfium_lock = threading.Lock()


class PageNotFound(LookupError):
    pass


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


def _render_image(data: bytes, page_number: int) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:  # Pillow refuses decompression bombs
        frames = getattr(image, "n_frames", 1)
        if not 1 <= page_number <= frames:
            raise PageNotFound(page_number)
        image.seek(page_number - 1)
        return _png(image.convert("RGB"))


def _png(image: object) -> bytes:
    from PIL import Image

    assert isinstance(image, Image.Image)
    image.thumbnail((MAX_PREVIEW_SIDE, MAX_PREVIEW_SIDE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _render(data: bytes, media_type: str | None, page_number: int) -> bytes:
    if media_type == "application/pdf":
        return _render_pdf(data, page_number)
    if media_type == "image/heic":
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError as exc:
            raise PageNotFound(page_number) from exc
    return _render_image(data, page_number)


async def render_page(data: bytes, media_type: str | None, page_number: int) -> bytes:
    """PNG of one 1-based page; PageNotFound when the document has no such page."""
    return await asyncio.to_thread(_render, data, media_type, page_number)
