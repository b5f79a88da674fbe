"""What scanners and phones do to a page: a clean flatbed scan (PNG) and a degraded phone photo (JPEG:
perspective on a desk, rotation, a soft shadow, uneven light, blur, sensor noise, compression)."""

from __future__ import annotations

import io
import random

import cv2
import numpy as np
from PIL import Image

SCAN_DPI = 200  # a gentle scan's resolution
WIDE_SCAN_DPI = (150, 300)  # a wide scan's, drawn per document
PHOTO_DPI = 200  # rendered at this; the photo keeps 60-100 % of it
SCAN_DAMAGE = ("gentle", "wide")


def scan_dpi(wide_rng: random.Random | None) -> int:
    """The resolution a document is scanned at: fixed for gentle scans, 150-300 DPI for wide ones."""
    return SCAN_DPI if wide_rng is None else wide_rng.choice((150, 200, 200, 240, 300))


def clean_scan(page: Image.Image, rng: random.Random, wide_rng: random.Random | None = None) -> bytes:
    """Slightly grey paper, a skew under a degree, a touch of blur; grayscale PNG. With `wide_rng`,
    what office scanners add on top (scan_wear): more skew, faint or thin print, toner specks and a
    JPEG round trip. `rng` is drawn from exactly as a gentle scan draws, so the phone photo drawn
    after it from the same `rng` is the same either way."""
    gray = np.asarray(page.convert("L"), dtype=np.float32)
    height, width = gray.shape
    angle = rng.uniform(-0.8, 0.8) + (wide_rng.uniform(-0.7, 0.7) if wide_rng else 0.0)
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    gray = cv2.warpAffine(gray, matrix, (width, height), borderValue=250, flags=cv2.INTER_LINEAR)
    gain, offset, blurred = rng.uniform(0.93, 0.98), rng.uniform(4, 12), rng.random() < 0.5
    if wide_rng is not None:
        gray = faint_or_thin_print(gray, wide_rng)
    gray = gray * gain + offset
    if blurred:
        gray = cv2.GaussianBlur(gray, (3, 3), 0.5)
    if wide_rng is not None:
        gray = toner_specks(gray, wide_rng)
        gray = jpeg_round_trip(gray, wide_rng)
    buffer = io.BytesIO()
    Image.fromarray(gray.clip(0, 255).astype(np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()


def faint_or_thin_print(gray: np.ndarray, rng: random.Random) -> np.ndarray:
    """A low toner cartridge: ink lighter than black (up to ~45 % grey), and on some pages strokes
    thinned (a light max filter, half blended in)."""
    ink = rng.uniform(0.55, 1.0) if rng.random() < 0.6 else 1.0
    gray = 255 - (255 - gray) * ink
    if rng.random() < 0.35:
        thinned = cv2.dilate(gray, np.ones((2, 2), np.uint8))
        gray = 0.5 * gray + 0.5 * thinned
    return gray


def toner_specks(gray: np.ndarray, rng: random.Random) -> np.ndarray:
    """Stray toner: a few hundred dark dots of one to three pixels on some pages."""
    if rng.random() < 0.5:
        return gray
    noise = np.random.default_rng(rng.randint(0, 2**31))
    height, width = gray.shape
    count = int(height * width * rng.uniform(0.00003, 0.00015))
    ys, xs = noise.integers(0, height, count), noise.integers(0, width, count)
    sizes, shades = noise.integers(1, 4, count), noise.uniform(20, 120, count)
    for y, x, size, shade in zip(ys, xs, sizes, shades, strict=True):
        gray[y : y + size, x : x + size] = np.minimum(gray[y : y + size, x : x + size], shade)
    return gray


def jpeg_round_trip(gray: np.ndarray, rng: random.Random) -> np.ndarray:
    """A scanner (or the mail on the way) that stored the page as JPEG before it became a PNG."""
    if rng.random() < 0.4:
        return gray
    buffer = io.BytesIO()
    Image.fromarray(gray.clip(0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=rng.randint(55, 90))
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())), dtype=np.float32)


def _perspective(image: np.ndarray, rng: random.Random) -> np.ndarray:
    height, width = image.shape[:2]
    # A4 at 120-200 DPI: a photo sent through a messenger (~1600 px long side) up to a phone's own file
    scale = rng.uniform(0.6, 1.0)
    margin = rng.uniform(0.06, 0.14)
    canvas_w, canvas_h = int(width * scale * (1 + 2 * margin)), int(height * scale * (1 + 2 * margin))
    jitter = lambda: rng.uniform(-0.05, 0.05)  # noqa: E731 - corner wobble, a fraction of the canvas
    left, top = margin / (1 + 2 * margin), margin / (1 + 2 * margin)
    right, bottom = 1 - left, 1 - top
    corners = np.array(
        [
            [(left + jitter()) * canvas_w, (top + jitter()) * canvas_h],
            [(right + jitter()) * canvas_w, (top + jitter()) * canvas_h],
            [(right + jitter()) * canvas_w, (bottom + jitter()) * canvas_h],
            [(left + jitter()) * canvas_w, (bottom + jitter()) * canvas_h],
        ],
        dtype=np.float32,
    )
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(source, corners)
    desk = tuple(int(v) for v in np.array([rng.randint(30, 120)] * 3) + np.array([rng.randint(0, 25), 0, 0]))
    return cv2.warpPerspective(image, matrix, (canvas_w, canvas_h), borderValue=desk, flags=cv2.INTER_AREA)


def _light(height: int, width: int, rng: random.Random) -> np.ndarray:
    """Uneven light times a soft shadow across part of the page."""
    light = np.linspace(rng.uniform(0.7, 0.95), 1.0, width, dtype=np.float32)[None, :]
    light = light * np.linspace(rng.uniform(0.85, 1.0), 1.0, height, dtype=np.float32)[:, None]
    if rng.random() < 0.6:
        shadow = np.ones((height, width), np.float32)
        x1, x2 = rng.uniform(0, 0.6) * width, rng.uniform(0.2, 0.8) * width
        polygon = np.array([[0, 0], [x1, 0], [x2, height], [0, height]], dtype=np.int32)
        cv2.fillPoly(shadow, [polygon], rng.uniform(0.55, 0.8))
        light = light * cv2.GaussianBlur(shadow, (0, 0), width / rng.uniform(30, 80))
    return light


def phone_photo(page: Image.Image, rng: random.Random) -> bytes:
    image = np.asarray(page.convert("RGB"))
    if rng.random() < 0.5:
        height, width = image.shape[:2]
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), rng.uniform(-4, 4), 1.0)
        image = cv2.warpAffine(image, matrix, (width, height), borderValue=(255, 255, 255))
    photo = _perspective(image, rng).astype(np.float32)
    height, width = photo.shape[:2]
    photo *= _light(height, width, rng)[:, :, None]
    photo *= np.array([rng.uniform(0.92, 1.0), rng.uniform(0.92, 1.0), rng.uniform(0.85, 1.0)], np.float32)
    sigma = rng.uniform(0.4, 1.1)
    photo = cv2.GaussianBlur(photo, (0, 0), sigma)
    noise = np.random.default_rng(rng.randint(0, 2**31)).normal(0, rng.uniform(3, 9), photo.shape)
    photo = (photo + noise).clip(0, 255).astype(np.uint8)
    quality = rng.randint(45, 80)
    if rng.random() < 0.06:  # the phone's orientation tag got lost on the way: the page lies sideways
        photo = np.ascontiguousarray(np.rot90(photo, rng.choice([1, 3])))
    buffer = io.BytesIO()
    Image.fromarray(photo).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()
