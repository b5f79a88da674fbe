"""Generated invoice pages with known text, and the damage real inputs carry (scan noise, skew,
phone-photo perspective and shadows). Shared by the tests and `bench/ocr` so both measure the
same pages. Test and bench code only: it lives outside the service package."""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO_FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
MONO_BOLD_FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"

HEBREW_LINES = (
    "חשבונית מס מספר 4821",
    'לוגיסטיקה פרו בע"מ',
    "תאריך 26/09/2025",
    "שירותי אינטגרציה 2,400.00",
    'סה"כ לתשלום 27,081.00',
)
ENGLISH_LINES = (
    "Tax Invoice No. 4821",
    "Acme Logistics Ltd",
    "Date 26/09/2025",
    "Integration services 2,400.00",
    "Total due 27,081.00",
)


def render_page(
    lines: tuple[str, ...],
    dpi: int = 300,
    width_in: float = 8.27,
    height_in: float = 5.8,
    font_pt: float = 14,
) -> np.ndarray:
    """Black text on white, grayscale; right-aligned when the text is Hebrew, like a real invoice."""
    width, height = round(width_in * dpi), round(height_in * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT_PATH, round(font_pt * dpi / 72))
    margin, line_step = round(0.8 * dpi), round(font_pt * 2.0 * dpi / 72)
    for row, text in enumerate(lines):
        top = margin + row * line_step
        rtl = any("\u0590" <= ch <= "\u05ff" for ch in text)
        if rtl:
            text_width = draw.textlength(text, font=font, direction="rtl")
            draw.text((width - margin - text_width, top), text, font=font, fill=0, direction="rtl")
        else:
            draw.text((margin, top), text, font=font, fill=0)
    return np.asarray(page).copy()


BOXED_LABELS = ("Invoice #", "PO Number", "Invoice Date", "Due Date", "Terms")
BOXED_VALUES = ("55/9324", "954886", "2025-01-15", "2025-02-14", "Net 30")
BOXED_TABLE = (
    ("SKU", "Service", "Hrs", "Price", "Line Total"),
    ("54862", "Network cable", "1", "7,102.02", "7,102.02"),
    ("54993", "Cleaning supplies", "1", "2,078.00", "2,078.00"),
    ("55124", "Logo design", "1.5", "221.78", "332.67"),
)


def render_boxed_page(dpi: int = 150, text: bool = True, rules: bool = True) -> np.ndarray:
    """An invoice's facts in boxed cells (a shaded row of bold labels over a row of values) and a
    ruled table under them, drawn with thin grey rules as invoices print them. `text`/`rules`
    draw only one of the two (to know which pixels are which)."""
    mm = dpi / 25.4
    page = Image.new("L", (round(210 * mm), round(150 * mm)), 255)
    draw = ImageDraw.Draw(page)
    bold = ImageFont.truetype(MONO_BOLD_FONT_PATH, round(8.5 * dpi / 72))
    plain = ImageFont.truetype(MONO_FONT_PATH, round(9.5 * dpi / 72))
    rule = {"fill": 100 if rules else 255, "width": 1}
    left, right, top = 15 * mm, 195 * mm, 25 * mm
    if text:
        draw.text(
            (left, top - 12 * mm),
            "Tax Invoice",
            font=ImageFont.truetype(MONO_BOLD_FONT_PATH, round(16 * dpi / 72)),
            fill=0,
        )
    draw.rectangle((left, top, right, top + 7 * mm), fill=235 if rules else 255, outline=rule["fill"])
    draw.rectangle((left, top + 7 * mm, right, top + 15 * mm), outline=rule["fill"])
    cell = (right - left) / len(BOXED_LABELS)
    for index, (label, value) in enumerate(zip(BOXED_LABELS, BOXED_VALUES, strict=True)):
        x = left + index * cell
        if index:
            draw.line((x, top, x, top + 15 * mm), **rule)
        if text:
            draw.text((x + 2 * mm, top + 1.5 * mm), label, font=bold, fill=0)
            draw.text((x + 2 * mm, top + 9 * mm), value, font=plain, fill=0)
    top += 22 * mm
    columns = (left, left + 25 * mm, left + 110 * mm, left + 130 * mm, left + 155 * mm, right)
    bottom = top + 7 * mm * len(BOXED_TABLE)
    draw.rectangle((left, top, right, bottom), outline=rule["fill"])
    draw.line((left, top + 7 * mm, right, top + 7 * mm), **rule)
    for x in columns[1:-1]:
        draw.line((x, top, x, bottom), **rule)
    for row, cells in enumerate(BOXED_TABLE if text else ()):
        for column, value in enumerate(cells):
            draw.text(
                (columns[column] + 2 * mm, top + 1.5 * mm + 7 * mm * row),
                value,
                font=bold if row == 0 else plain,
                fill=0,
            )
    return np.asarray(page).copy()


def rotate_page(gray: np.ndarray, degrees: float) -> np.ndarray:
    """Rotate counter-clockwise by `degrees`, growing the canvas and filling with white."""
    if degrees % 90 == 0:
        return np.ascontiguousarray(np.rot90(gray, int(degrees // 90) % 4))
    height, width = gray.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_width, new_height = int(height * sin + width * cos), int(height * cos + width * sin)
    matrix[0, 2] += new_width / 2 - width / 2
    matrix[1, 2] += new_height / 2 - height / 2
    return cv2.warpAffine(gray, matrix, (new_width, new_height), borderValue=255, flags=cv2.INTER_LINEAR)


def scanned(gray: np.ndarray, seed: int = 1) -> np.ndarray:
    """A cheap flatbed scan: 100 DPI, a few degrees crooked, uneven light, salt-and-pepper noise."""
    rng = np.random.default_rng(seed)
    small = cv2.resize(gray, None, fx=1 / 3, fy=1 / 3, interpolation=cv2.INTER_AREA)
    tilted = rotate_page(small, 4.0)
    height, width = tilted.shape
    light = np.linspace(1.0, 0.55, width, dtype=np.float32)[None, :] * np.ones((height, 1), np.float32)
    page = tilted.astype(np.float32) * light
    page += rng.normal(0, 12, page.shape)
    specks = rng.random(page.shape)
    page[specks < 0.01] = 0
    page[specks > 0.99] = 255
    return np.clip(page, 0, 255).astype(np.uint8)


def photographed(gray: np.ndarray, seed: int = 2) -> np.ndarray:
    """A phone photo: the page lies on a dark desk in perspective, a hard shadow falls across it,
    a little blur and noise, at roughly 150 DPI."""
    rng = np.random.default_rng(seed)
    gray = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    height, width = gray.shape
    canvas_width, canvas_height = int(width * 1.3), int(height * 1.3)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    corners = np.array(
        [
            [0.12 * canvas_width, 0.16 * canvas_height],
            [0.86 * canvas_width, 0.04 * canvas_height],
            [0.95 * canvas_width, 0.92 * canvas_height],
            [0.05 * canvas_width, 0.86 * canvas_height],
        ],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(source, corners)
    page = cv2.warpPerspective(gray, matrix, (canvas_width, canvas_height), borderValue=50)
    shadow = np.ones((canvas_height, canvas_width), np.float32)
    cv2.fillPoly(
        shadow,
        [
            np.array(
                [[0, 0], [canvas_width * 0.55, 0], [canvas_width * 0.35, canvas_height], [0, canvas_height]],
                dtype=np.int32,
            )
        ],
        0.45,
    )
    soft_shadow = cv2.GaussianBlur(shadow, (0, 0), canvas_width / 60)
    photo = page.astype(np.float32) * soft_shadow + rng.normal(0, 8, page.shape)
    return cv2.GaussianBlur(np.clip(photo, 0, 255).astype(np.uint8), (3, 3), 0)


def character_error_rate(expected: str, recognized: str) -> float:
    """Edit distance over the expected length, after collapsing spaces and dropping empty lines."""

    def normal(text: str) -> str:
        lines = (" ".join(line.split()) for line in text.splitlines())
        return "\n".join(line for line in lines if line)

    reference, hypothesis = normal(expected), normal(recognized)
    previous = list(range(len(hypothesis) + 1))
    for i, expected_char in enumerate(reference, 1):
        current = [i]
        for j, recognized_char in enumerate(hypothesis, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (expected_char != recognized_char))
            )
        previous = current
    return previous[-1] / max(1, len(reference))


def encode(gray: np.ndarray, fmt: str, **save_args: object) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(gray).save(buffer, format=fmt, **save_args)
    return buffer.getvalue()
