"""Small invoice documents generated for tests: a born-digital PDF and a scanned-looking PNG.

reportlab draws glyphs left to right, so Hebrew lines are put in visual order with python-bidi
first; Pillow (built with raqm/fribidi) applies the bidi algorithm itself.
"""

from __future__ import annotations

import io
from pathlib import Path

from bidi import get_display
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _visual(line: str) -> str:
    return get_display(line)


def invoice_pdf(lines: list[str], path: Path | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("DejaVuSans", 13)
    y = 790
    for line in lines:
        page.drawString(60, y, _visual(line))
        y -= 24
    page.save()
    data = buffer.getvalue()
    if path:
        path.write_bytes(data)
    return data


def invoice_scan_png(lines: list[str], right_to_left: bool = False, dpi: int = 200) -> bytes:
    """A page like a flatbed scan: grey paper, slight blur and noise, text at ~11 pt."""
    width, height = int(8.27 * dpi), int(5.5 * dpi)
    image = Image.new("L", (width, height), 238)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(dpi * 0.16))
    y = int(dpi * 0.5)
    for line in lines:
        text = line
        if right_to_left:
            text_width = draw.textlength(text, font=font)
            draw.text((width - dpi * 0.6 - text_width, y), text, fill=25, font=font)
        else:
            draw.text((dpi * 0.6, y), text, fill=25, font=font)
        y += int(dpi * 0.3)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    return buffer.getvalue()
