"""The upscale trigger: a scan whose letters are a few pixels high (10 pt print at 150 DPI) is
enlarged towards Tesseract's letter size (at most 2x); print already near it (200-300 DPI) is not."""

from __future__ import annotations

import numpy as np
import pytest

from invoiceme_ocr.preprocess import cleanup, prepare_for_ocr
from tests.support import synthetic_pages as synthetic

from .conftest import ENGLISH, HEBREW


def invoice_print(lines: tuple[str, ...], dpi: int) -> np.ndarray:
    """Six lines of 10 pt print, an invoice body's size, on a page scanned at `dpi`."""
    return synthetic.render_page(lines * 3, dpi=dpi, width_in=5.5, height_in=3.0, font_pt=10)


@pytest.mark.parametrize("lines", [ENGLISH, HEBREW], ids=["english", "hebrew"])
def test_small_print_is_enlarged_to_letter_size(lines: tuple[str, ...]) -> None:
    page = invoice_print(lines, dpi=150)
    height = cleanup.text_height(page)
    assert height is not None and height < cleanup.SMALL_TEXT_HEIGHT
    factor = cleanup.upscale_factor(page, max_pixels=60e6)
    assert 1.5 <= factor <= cleanup.MAX_ENLARGE
    assert height * factor <= cleanup.UPSCALED_TEXT_HEIGHT + 0.5  # near, never past, a 300 DPI scan's letters


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
    page = invoice_print(ENGLISH, dpi=150)
    prepared, notes = prepare_for_ocr(page)
    assert any(note.startswith("upscaled") for note in notes)
    assert prepared.shape[0] > 1.5 * page.shape[0]
    _, notes_at_300 = prepare_for_ocr(invoice_print(ENGLISH, dpi=300))
    assert not any(note.startswith("upscaled") for note in notes_at_300)


class TestTextHeightRemembered:
    """The same page state asked twice is measured once; other pixels are measured anew."""

    def test_same_page_measured_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        measured: list[int] = []
        measure = cleanup._measured_text_height

        def counting(gray: np.ndarray) -> float | None:
            measured.append(id(gray))
            return measure(gray)

        monkeypatch.setattr(cleanup, "_measured_text_height", counting)
        small, large = invoice_print(ENGLISH, dpi=150), invoice_print(ENGLISH, dpi=300)
        first = cleanup.text_height(small)
        assert cleanup.text_height(small) == first and len(measured) == 1
        assert cleanup.text_height(small.copy()) == first and len(measured) == 2  # a copy is new
        assert cleanup.text_height(large) != first and cleanup.text_height(large) == measure(large)
        assert len(measured) == 3
