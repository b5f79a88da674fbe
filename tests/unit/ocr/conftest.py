"""Small generated pages with known text (a few lines each, so Tesseract takes ~0.3 s per page)."""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator

import numpy as np
import pytest
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.reader import DocumentReader
from tests.support import synthetic_pages as synthetic

# Tests call Tesseract in this process too; Debian's build is ~8x slower with OpenMP threads on 2 cores.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

HEBREW = ("חשבונית מס מספר 4821", 'סה"כ לתשלום 27,081.00')
ENGLISH = ("Tax Invoice No. 4821", "Total due 27,081.00")


def small_page(lines: tuple[str, ...], dpi: int = 300) -> np.ndarray:
    return synthetic.render_page(lines, dpi=dpi, width_in=5.5, height_in=0.8 + 0.45 * len(lines) + 0.5)


@pytest.fixture(scope="session")
def hebrew_page() -> np.ndarray:
    return small_page(HEBREW)


@pytest.fixture(scope="session")
def english_page() -> np.ndarray:
    return small_page(ENGLISH)


@pytest.fixture(scope="session")
def options() -> OcrOptions:
    return OcrOptions(page_timeout_seconds=60)


@pytest.fixture(scope="session")
async def reader(options: OcrOptions) -> AsyncIterator[DocumentReader]:
    shared = DocumentReader(options, workers=2, max_file_bytes=5 * 2**20)
    yield shared
    shared.close()


def _font() -> str:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", synthetic.FONT_PATH))
    return "DejaVuSans"


def pdf_bytes(pages: list, encrypt: str | None = None) -> bytes:
    """A PDF whose pages hold text drawn as given (a list of lines, left to right: Hebrew must be
    passed in visual order to look right), a scanned image (no text layer), or both (a tuple)."""
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=(420, 200), encrypt=encrypt)
    for content in pages:
        parts = content if isinstance(content, tuple) else (content,)
        for page in parts:
            _draw(sheet, page)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _draw(sheet: canvas.Canvas, page: list[str] | np.ndarray) -> None:
    if isinstance(page, np.ndarray):
        image = ImageReader(io.BytesIO(synthetic.encode(page, "PNG")))
        sheet.drawImage(image, 0, 0, 420, 420 * page.shape[0] / page.shape[1])
    else:
        sheet.setFont(_font(), 14)
        for row, text in enumerate(page):
            sheet.drawRightString(400, 170 - row * 24, text)
