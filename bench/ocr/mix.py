"""A realistic mix of image files for the OCR cost table: clean 300 DPI PNGs, flatbed scans at
150-300 DPI (crooked, unevenly lit, noisy, one upside down, JPEG and PNG), phone photos at camera
resolution (perspective on a desk, a shadow, JPEG), Hebrew and English; plus the SROIE receipt
photos/scans from ../shared/data/external-dev when present (skipped cleanly when not)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from bench.shared import EXTERNAL_DEV
from tests.support import synthetic_pages as synthetic

from .pages import LANGUAGES

EXTERNAL = EXTERNAL_DEV
SROIE_FILES = ("sroie__000.jpg", "sroie__012.jpg", "sroie__024.jpg", "sroie__036.jpg")


@dataclass(frozen=True)
class MixImage:
    name: str
    kind: str  # clean | scan | photo
    path: Path
    truth: str | None  # the printed text, for generated pages


def page(language: str, dpi: int) -> np.ndarray:
    return synthetic.render_page(LANGUAGES[language], dpi=dpi, width_in=8.27, height_in=11.69, font_pt=11)


def close_up(language: str) -> np.ndarray:
    """A half-width page at 600 DPI: a phone held close to a small invoice (letters ~60 px tall)."""
    return synthetic.render_page(LANGUAGES[language], dpi=600, width_in=5.5, height_in=9.5, font_pt=11)


def scan(gray: np.ndarray, degrees: float, light: float, noise: float, seed: int) -> np.ndarray:
    """A flatbed scan: crooked by `degrees`, light falling to `light` across the page, grain."""
    rng = np.random.default_rng(seed)
    tilted = synthetic.rotate_page(gray, degrees)
    width = tilted.shape[1]
    ramp = np.linspace(1.0, light, width, dtype=np.float32)[None, :]
    scanned = tilted.astype(np.float32) * ramp + rng.normal(0, noise, tilted.shape)
    return np.clip(scanned, 0, 255).astype(np.uint8)


def phone_photo(gray: np.ndarray, seed: int) -> np.ndarray:
    """The page at full camera resolution (~15 MP for A4 at 300 DPI): perspective on a desk, a
    soft shadow, grain and a little blur; `synthetic.photographed` without its downscale."""
    rng = np.random.default_rng(seed)
    height, width = gray.shape
    canvas_width, canvas_height = int(width * 1.3), int(height * 1.3)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    corners = np.array([[0.10, 0.12], [0.88, 0.05], [0.94, 0.93], [0.06, 0.88]], dtype=np.float32) * np.array(
        [canvas_width, canvas_height], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(source, corners)
    photo = cv2.warpPerspective(gray, matrix, (canvas_width, canvas_height), borderValue=60)
    shadow = np.ones((canvas_height, canvas_width), np.float32)
    polygon = np.array(
        [[0, 0], [canvas_width * 0.5, 0], [canvas_width * 0.3, canvas_height], [0, canvas_height]]
    )
    cv2.fillPoly(shadow, [polygon.astype(np.int32)], 0.55)
    shadow = cv2.GaussianBlur(shadow, (0, 0), canvas_width / 50)
    noisy = photo.astype(np.float32) * shadow + rng.normal(0, 6, photo.shape)
    return cv2.GaussianBlur(np.clip(noisy, 0, 255).astype(np.uint8), (3, 3), 0)


def build_mix(folder: Path) -> list[MixImage]:
    """Writes the generated images into `folder` and lists them with the external ones."""
    generated: list[tuple[str, str, str, np.ndarray, str, dict[str, object]]] = [
        ("he clean 300dpi", "clean", "he", page("he", 300), "PNG", {}),
        ("en clean 300dpi", "clean", "en", page("en", 300), "PNG", {}),
        ("he scan 200dpi", "scan", "he", scan(page("he", 200), 2.0, 0.7, 8, 1), "JPEG", {"quality": 85}),
        ("en scan 150dpi", "scan", "en", scan(page("en", 150), -1.5, 0.8, 6, 2), "JPEG", {"quality": 85}),
        ("en scan 300dpi", "scan", "en", scan(page("en", 300), 0.8, 0.75, 5, 3), "PNG", {}),
        (
            "he scan 300dpi upside down",
            "scan",
            "he",
            synthetic.rotate_page(scan(page("he", 300), 1.0, 0.85, 5, 4), 180),
            "PNG",
            {},
        ),
        ("he phone photo 15MP", "photo", "he", phone_photo(page("he", 300), 5), "JPEG", {"quality": 90}),
        ("en phone photo 15MP", "photo", "en", phone_photo(page("en", 300), 6), "JPEG", {"quality": 90}),
        ("en close-up photo 32MP", "photo", "en", phone_photo(close_up("en"), 7), "JPEG", {"quality": 90}),
    ]
    images = []
    for name, kind, language, pixels, fmt, save_args in generated:
        path = folder / (name.replace(" ", "_") + (".png" if fmt == "PNG" else ".jpg"))
        path.write_bytes(synthetic.encode(pixels, fmt, **save_args))
        images.append(MixImage(name, kind, path, "\n".join(LANGUAGES[language])))
    for file in SROIE_FILES:
        if (EXTERNAL / file).exists():
            images.append(MixImage(f"SROIE {file[7:10]} receipt", "photo", EXTERNAL / file, None))
    return images
