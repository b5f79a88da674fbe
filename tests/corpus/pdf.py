"""Page -> born-digital PDF (reportlab, real text layer) -> page image (pypdfium2). Scans and photos are
rasterized from the same PDF, so all three formats of a document show exactly the same page.

reportlab draws glyphs left to right, so Hebrew lines are stored in visual order (python-bidi), as many
real Israeli PDF writers do: the text layer then reads reversed, a real-world difficulty."""

from __future__ import annotations

import io
import re

from bidi import get_display
from PIL import Image

from . import fonts
from .page import PT_PER_MM, Box, Circle, Page, Rule, Text

_HEBREW = re.compile(r"[\u0590-\u05ff]")


_MIRRORED = str.maketrans("()[]{}<>", ")(][}{><")


def visual(text: str) -> str:
    """Visual order for a line with Hebrew. python-bidi 0.6 does not mirror brackets; in these lines
    every bracket resolves right-to-left (numbers count as R for neutrals), so all are mirrored."""
    return get_display(text, base_dir="R").translate(_MIRRORED) if _HEBREW.search(text) else text


def _draw_text(canvas, item: Text, page: Page) -> None:  # type: ignore[no-untyped-def]
    shown = visual(item.text)
    face_name = item.face or page.face
    width = fonts.text_width_pt(shown, face_name, item.bold, item.size)
    left = item.x * PT_PER_MM - {"l": 0.0, "r": width, "c": width / 2}[item.align]
    baseline = (page.height - item.y) * PT_PER_MM
    canvas.setFillColorRGB(*item.color)
    text_object = canvas.beginText(left, baseline)
    for face, piece in fonts.runs(shown, face_name, item.bold):
        text_object.setFont(face.key, item.size)
        text_object.textOut(piece)
    canvas.drawText(text_object)


def to_pdf(page: Page) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page.width * PT_PER_MM, page.height * PT_PER_MM), invariant=1)
    top = page.height * PT_PER_MM
    for item in page.items:
        if isinstance(item, Box):
            if item.fill is not None:
                canvas.setFillColorRGB(*item.fill)
            if item.stroke is not None:
                canvas.setStrokeColorRGB(*item.stroke)
            canvas.setLineWidth(item.line_width)
            canvas.rect(
                item.x * PT_PER_MM,
                top - (item.y + item.h) * PT_PER_MM,
                item.w * PT_PER_MM,
                item.h * PT_PER_MM,
                stroke=int(item.stroke is not None),
                fill=int(item.fill is not None),
            )
        elif isinstance(item, Rule):
            canvas.setStrokeColorRGB(*item.color)
            canvas.setLineWidth(item.line_width)
            canvas.setDash(2, 2) if item.dashed else canvas.setDash()
            canvas.line(
                item.x1 * PT_PER_MM, top - item.y1 * PT_PER_MM, item.x2 * PT_PER_MM, top - item.y2 * PT_PER_MM
            )
            if item.dashed:  # the dash pattern is graphics state: later boxes and lines must be solid
                canvas.setDash()
        elif isinstance(item, Circle):
            if item.fill is not None:
                canvas.setFillColorRGB(*item.fill)
            if item.stroke is not None:
                canvas.setStrokeColorRGB(*item.stroke)
                canvas.setLineWidth(item.line_width)
            canvas.circle(
                item.x * PT_PER_MM,
                top - item.y * PT_PER_MM,
                item.r * PT_PER_MM,
                stroke=int(item.stroke is not None),
                fill=int(item.fill is not None),
            )
        else:
            _draw_text(canvas, item, page)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def rasterize(pdf_bytes: bytes, dpi: int) -> Image.Image:
    """The first page as an RGB image at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_bytes)
    try:
        bitmap = document[0].render(scale=dpi / 72)
        return bitmap.to_pil().convert("RGB")
    finally:
        document.close()


def text_layer(pdf_bytes: bytes) -> str:
    """What a reader gets from the PDF's text layer (used by tests to check the truth is printed)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_bytes)
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in document)
    finally:
        document.close()
