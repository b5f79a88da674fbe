"""The upscale trigger: a scan whose letters are a few pixels high (10 pt Hebrew at 150 DPI), or small
and faint (a low toner), is enlarged towards Tesseract's letter size (at most 2x); print near it
(200-300 DPI), and dark print of 14-15 px (10 pt Hebrew at 200 DPI, English at 150 DPI), is not."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from invoiceme_ocr.preprocess import cleanup, prepare_for_ocr
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH, HEBREW


def invoice_print(lines: tuple[str, ...], dpi: int) -> np.ndarray:
    """Six lines of 10 pt print, an invoice body's size, on a page scanned at `dpi`."""
    return synthetic.render_page(lines * 3, dpi=dpi, width_in=5.5, height_in=3.0, font_pt=10)


def faint(page: np.ndarray, ink: float = 0.55) -> np.ndarray:
    """The page from a low toner cartridge: black printed as `ink` of black (55 %: grey 115)."""
    return (255 - (255 - page.astype(np.float32)) * ink).astype(np.uint8)


@pytest.mark.parametrize(
    ("lines", "dpi", "damage"),
    [(HEBREW, 150, None), (ENGLISH, 150, faint), (HEBREW, 200, faint)],
    ids=["hebrew-150dpi", "english-150dpi-faint", "hebrew-200dpi-faint"],
)
def test_small_print_is_enlarged_to_letter_size(
    lines: tuple[str, ...], dpi: int, damage: Callable[[np.ndarray], np.ndarray] | None
) -> None:
    page = invoice_print(lines, dpi=dpi)
    page = damage(page) if damage else page
    height = cleanup.text_height(page)
    assert height is not None and height < cleanup.SMALL_TEXT_HEIGHT
    factor = cleanup.upscale_factor(page, max_pixels=60e6)
    assert 1.5 <= factor <= cleanup.MAX_ENLARGE
    assert height * factor <= cleanup.UPSCALED_TEXT_HEIGHT + 0.5  # near, never past, a 300 DPI scan's letters


@pytest.mark.parametrize(
    ("lines", "dpi"), [(ENGLISH, 150), (HEBREW, 200)], ids=["english-150dpi", "hebrew-200dpi"]
)
def test_dark_print_of_14_to_16_px_is_left_alone(lines: tuple[str, ...], dpi: int) -> None:
    # Letters of ~15 px in black print: enlarged, clean 200 DPI Hebrew scans lost boxed cells and
    # ruled table headers to Tesseract's layout analysis (docs/BENCHMARKS.md, scans7).
    page = invoice_print(lines, dpi)
    height = cleanup.text_height(page)
    assert height is not None and cleanup.TINY_TEXT_HEIGHT < height < cleanup.SMALL_TEXT_HEIGHT
    level = cleanup.ink_level(page)
    assert level is not None and level <= cleanup.FAINT_INK
    assert cleanup.upscale_factor(page, max_pixels=60e6) == 1.0


def test_ink_level_tells_faint_print_from_black() -> None:
    page = invoice_print(HEBREW, dpi=200)
    black, grey = cleanup.ink_level(page), cleanup.ink_level(faint(page))
    assert black is not None and grey is not None
    assert black <= cleanup.FAINT_INK < grey
    assert cleanup.ink_level(np.full((400, 400), 250, np.uint8)) is None  # no ink, no level


@pytest.mark.parametrize("dpi", [200, 300])
def test_print_near_letter_size_is_left_alone(dpi: int) -> None:
    # 10 pt English at 200 DPI: letters of ~20 px, which the old trigger (under 0.7 x the target)
    # enlarged and which read worse enlarged.
    assert cleanup.upscale_factor(invoice_print(ENGLISH, dpi), max_pixels=60e6) == 1.0


def test_enlarged_page_stays_under_the_pixel_limit() -> None:
    page = invoice_print(HEBREW, dpi=150)
    limit = page.size * 2.0
    factor = cleanup.upscale_factor(page, max_pixels=limit)
    assert 1.2 < factor <= 2.0**0.5
    assert cleanup.upscale(page, factor).size <= limit * 1.01  # rounding of the new size


def test_default_steps_enlarge_a_low_resolution_scan() -> None:
    page = invoice_print(HEBREW, dpi=150)
    prepared, notes = prepare_for_ocr(page)
    assert any(note.startswith("upscaled") for note in notes)
    assert prepared.shape[0] > 1.5 * page.shape[0]
    _, notes_at_300 = prepare_for_ocr(invoice_print(ENGLISH, dpi=300))
    assert not any(note.startswith("upscaled") for note in notes_at_300)
