"""Rows -> a born-digital PDF (reportlab, with a text layer) or a page image (Pillow + raqm bidi),
and the image -> a clean scan or a degraded phone photo."""

from __future__ import annotations

import io
import random
import re

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .layouts import Row

PAGE_MM = (210.0, 297.0)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_LTR_RUN = re.compile(r"[A-Za-z0-9@%$€₪£][A-Za-z0-9@%$€₪£.,:/\-_+ ]*[A-Za-z0-9@%$€₪£]|[A-Za-z0-9]")
_MIRROR = str.maketrans("()[]{}<>", ")(][}{><")


def mirrored(rows: list[Row]) -> list[Row]:
    """Right-to-left page: the same layout seen in a mirror."""
    flip = {"l": "r", "r": "l", "c": "c"}
    return [(y, PAGE_MM[0] - x, text, size, flip[align], bold) for y, x, text, size, align, bold in rows]


def visual_order(text: str) -> str:
    """How simple PDF writers store Hebrew: reversed, with numbers and Latin runs kept left-to-right."""
    if not _HEBREW.search(text):
        return text
    flipped = text[::-1].translate(_MIRROR)
    return _LTR_RUN.sub(lambda match: match.group(0)[::-1].translate(_MIRROR), flipped)


def to_pdf(rows: list[Row]) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    buffer = io.BytesIO()
    page = canvas.Canvas(
        buffer, pagesize=(PAGE_MM[0] * mm, PAGE_MM[1] * mm), invariant=1
    )  # reproducible bytes
    for y, x, text, size, align, bold in rows:
        page.setFont("DejaVu-Bold" if bold else "DejaVu", size)
        draw = {"l": page.drawString, "r": page.drawRightString, "c": page.drawCentredString}[align]
        draw(x * mm, (PAGE_MM[1] - y) * mm, visual_order(text))
    page.save()
    return buffer.getvalue()


def to_image(rows: list[Row], dpi: int = 200) -> Image.Image:
    scale = dpi / 25.4
    image = Image.new("L", (int(PAGE_MM[0] * scale), int(PAGE_MM[1] * scale)), 255)
    draw = ImageDraw.Draw(image)
    for y, x, text, size, align, bold in rows:
        font = ImageFont.truetype(FONT_BOLD if bold else FONT, int(size * dpi / 72))
        width = draw.textlength(text, font=font)
        left = x * scale - {"l": 0, "r": width, "c": width / 2}[align]
        draw.text((left, y * scale - size * dpi / 72), text, fill=0, font=font)
    return image


def clean_scan(image: Image.Image, rng: random.Random) -> bytes:
    """A flatbed scan: slight grey paper, a tiny skew, PNG."""
    scan = image.rotate(rng.uniform(-0.6, 0.6), fillcolor=250, resample=Image.Resampling.BICUBIC)
    pixels = np.asarray(scan, dtype=np.float32) * 0.96 + 6
    buffer = io.BytesIO()
    Image.fromarray(pixels.clip(0, 255).astype(np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()


def degraded_photo(image: Image.Image, rng: random.Random) -> bytes:
    """A phone photo: skew, uneven light, blur, sensor noise, lower resolution, JPEG."""
    photo = image.rotate(rng.uniform(-3, 3), fillcolor=235, resample=Image.Resampling.BICUBIC, expand=True)
    photo = photo.resize((int(photo.width * 0.8), int(photo.height * 0.8)), Image.Resampling.BILINEAR)
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.0)))
    pixels = np.asarray(photo, dtype=np.float32)
    height, width = pixels.shape
    gradient = (
        np.linspace(rng.uniform(0.7, 0.85), 1.0, width)[None, :] * np.linspace(0.9, 1.0, height)[:, None]
    )
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 9, pixels.shape)
    pixels = pixels * gradient + noise
    buffer = io.BytesIO()
    Image.fromarray(pixels.clip(0, 255).astype(np.uint8)).convert("RGB").save(buffer, "JPEG", quality=60)
    return buffer.getvalue()
