"""Page previews: bounded size, missing pages, multi-frame images (pure rendering, no OCR)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from PIL import Image

from invoiceme_gateway.invoices.previews import MAX_PREVIEW_SIDE, PageNotFound, _render


def _pdf(width: float, height: float, pages: int = 1) -> bytes:
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(width, height)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class TestPreviews:
    """A giant page renders small; page numbers are checked."""

    def test_giant_pdf_page_is_bounded(self):
        png = _render(_pdf(14400, 14400), "application/pdf", 1)
        assert max(Image.open(io.BytesIO(png)).size) == MAX_PREVIEW_SIDE

    def test_a4_page_at_preview_dpi(self):
        png = _render(_pdf(595, 842, pages=2), "application/pdf", 2)
        width, height = Image.open(io.BytesIO(png)).size
        assert abs(width - 595 * 110 / 72) <= 1 and abs(height - 842 * 110 / 72) <= 1

    def test_missing_page(self):
        with pytest.raises(PageNotFound):
            _render(_pdf(595, 842), "application/pdf", 2)

    def test_multi_page_tiff(self):
        out = io.BytesIO()
        frames = [Image.new("RGB", (40, 30), "white"), Image.new("RGB", (40, 30), "black")]
        frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
        png = _render(out.getvalue(), "image/tiff", 2)
        assert Image.open(io.BytesIO(png)).getpixel((0, 0)) == (0, 0, 0)
        with pytest.raises(PageNotFound):
            _render(out.getvalue(), "image/tiff", 3)
