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


def _perspective_coefficients(
    source: list[tuple[float, float]], target: list[tuple[float, float]]
) -> list[float]:
    """Pillow's PERSPECTIVE maps output pixels back to input ones: solve the 8 coefficients."""
    import numpy as np

    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    rhs = np.array([c for point in source for c in point], dtype=float)
    return [float(c) for c in np.linalg.solve(np.array(rows, dtype=float), rhs)]


def phone_photo_jpeg(page_png: bytes, tilt: float = 0.04) -> bytes:
    """A generated page as a phone would photograph it: seen slightly from one side (perspective),
    on a darker table, unevenly lit, a little out of focus, saved as JPEG."""
    page = Image.open(io.BytesIO(page_png)).convert("L")
    width, height = page.size
    margin = int(width * 0.06)
    canvas_size = (width + 2 * margin, height + 2 * margin)
    dx, dy = width * tilt, height * tilt
    corners = [
        (margin + dx, margin),
        (margin + width - dx * 0.3, margin + dy * 0.5),
        (margin + width, margin + height),
        (margin, margin + height - dy * 0.4),
    ]
    page_corners = [(0, 0), (width, 0), (width, height), (0, height)]
    coefficients = _perspective_coefficients(page_corners, corners)
    mask = Image.new("L", page.size, 255).transform(canvas_size, Image.Transform.PERSPECTIVE, coefficients)
    warped = page.transform(canvas_size, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)
    photo = Image.new("L", canvas_size, 90)
    photo.paste(warped, (0, 0), mask)
    light = Image.linear_gradient("L").resize(canvas_size).point(lambda v: 200 + v * 55 // 255)
    photo = Image.composite(photo, Image.new("L", canvas_size, 0), light)
    photo = photo.filter(ImageFilter.GaussianBlur(0.9)).convert("RGB")
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()
