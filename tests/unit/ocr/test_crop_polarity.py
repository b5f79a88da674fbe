"""A crop cut out for a re-read is given to Tesseract as dark print on white."""

from __future__ import annotations

import numpy as np

from invoiceme_ocr.crop_polarity import dark_print


class TestKeepAsPrinted:
    """The guarded form (stacked digit crops, label values): only light print on a fill changes."""

    def test_light_print_on_a_grey_band_is_inverted(self) -> None:
        crop = np.full((30, 100), 135, dtype=np.uint8)
        crop[10:20, 20:80] = 235  # light letters
        out = dark_print(crop)
        assert out[0, 0] >= 250 and out[15, 50] <= 10

    def test_dark_print_is_kept(self) -> None:
        paper = np.full((30, 100), 245, dtype=np.uint8)
        paper[10:20, 20:80] = 30
        assert dark_print(paper) is paper
        light_fill = np.full((30, 100), 180, dtype=np.uint8)  # dark print on a light grey fill
        light_fill[10:20, 20:80] = 40
        assert dark_print(light_fill) is light_fill

    def test_a_fill_with_only_specks_of_light_is_kept(self) -> None:
        specks = np.full((30, 100), 120, dtype=np.uint8)
        specks[12:14, 30:32] = 175  # a few light pixels, under 1 % of the crop: not print
        assert dark_print(specks) is specks


class TestAlwaysStretched:
    """A block read alone: its ground made white, its darkest ink black, whatever its polarity."""

    def test_dark_print_on_a_grey_fill_is_stretched(self) -> None:
        crop = np.full((30, 100), 180, dtype=np.uint8)
        crop[10:20, 20:80] = 60
        out = dark_print(crop, keep_as_printed=False)
        assert out is not crop
        assert out[0, 0] == 255 and out[15, 50] == 0

    def test_light_print_on_a_dark_panel_is_inverted_and_stretched(self) -> None:
        crop = np.full((30, 100), 90, dtype=np.uint8)
        crop[10:20, 20:80:4] = 200
        out = dark_print(crop, keep_as_printed=False)
        assert out[0, 0] == 255 and out[15, 20] == 0

    def test_an_empty_crop_stays_empty(self) -> None:
        empty = np.zeros((0, 10), dtype=np.uint8)
        assert dark_print(empty, keep_as_printed=False).size == 0
