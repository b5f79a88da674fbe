"""Dark fills inverted before Tesseract: a band's light text turns dark, the page around it does not
change, and faint print that Tesseract's global threshold dropped beside a large fill is read."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.images import to_gray_and_colour
from invoiceme_ocr.preprocess import polarity, prepare_for_ocr
from invoiceme_ocr.tesseract import ocr_image
from tests.support import synthetic_pages as synthetic

from .test_page_outline import NAVY, photographed, printed_page

VENDOR = "Orion Works Co."
FAINT_LINES = ("Invoice No. 7737012", "Date 05/12/2024", "Total due 23,552.80")


def banded_page(band: int | None = 40, ink: int = 160) -> np.ndarray:
    """A page (150 DPI) under a dark band a third of its height holding the vendor in white, with
    the rest printed in grey `ink`: a photo's paper is not quite white, its small letters grey."""
    image = Image.new("L", (1240, 900), 245)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(synthetic.FONT_PATH, 30)
    if band is not None:
        draw.rectangle((0, 0, image.width, 300), fill=band)
        draw.text((80, 120), VENDOR, font=font, fill=200)
    for row, line in enumerate(FAINT_LINES):
        draw.text((80, 400 + 110 * row), line, font=font, fill=ink)
    return np.asarray(image).copy()


class TestInvertFills:
    """The decision and the change, on pages with and without a fill."""

    def test_band_turns_light_and_its_text_dark(self) -> None:
        page = banded_page()
        inverted = polarity.invert_fills(page)
        band, vendor_letters = inverted[20:280, 20:1220], page[20:280, 20:1220] > 150
        assert float(np.median(band)) > 230  # as light as the paper, not a second grey peak
        assert float(np.median(band[vendor_letters])) < 100
        assert np.array_equal(inverted[320:, :], page[320:, :])  # the rest of the page as it was

    def test_page_without_a_fill_is_left_alone(self) -> None:
        page = banded_page(band=None, ink=0)
        assert polarity.invert_fills(page) is page

    def test_black_total_box_is_a_fill(self) -> None:
        # small, but as dark as a band: it pulls the global threshold down as much (measured)
        page = banded_page(band=None, ink=0)
        page[700:760, 700:1100] = 20
        fills = polarity.fill_mask(page, letter=20.0) > 0
        assert fills[700:760, 700:1100].mean() > 0.95
        assert not fills[:690, :].any() and not fills[:, :690].any()

    def test_bold_text_is_not_a_fill(self) -> None:
        image = Image.new("L", (1240, 400), 255)
        font = ImageFont.truetype(synthetic.MONO_BOLD_FONT_PATH, 90)
        ImageDraw.Draw(image).text((60, 100), "TOTAL 23,552.80", font=font, fill=0)
        page = np.asarray(image).copy()
        assert not polarity.fill_mask(page, letter=30.0).any()


class TestReadingBesideAFill:
    """Proof on recognized text: Tesseract's one global threshold loses the faint lines beside a
    large dark band; with the band inverted they are read (and the band's name still is)."""

    def test_faint_print_beside_a_band_is_read(self) -> None:
        page = banded_page()
        # the step alone (prepare_for_ocr runs it on photos only): nothing else prepares the page
        plain = OcrOptions(preprocess_steps=())
        before = ocr_image(1, page, plain).text
        after = ocr_image(1, polarity.invert_fills(page), plain).text
        assert "7737012" not in before  # the failure this step exists for
        assert all(line.split()[-1] in after for line in FAINT_LINES)
        assert "Orion" in after


class TestWhereTheStepRuns:
    """On photos (a page found on a desk), not on scans: a scan's crisp print loses nothing beside
    a fill, and inverting changed scans' totals for the worse."""

    def test_photo_of_a_banded_page_is_inverted_and_a_scan_is_not(self) -> None:
        photo = photographed(printed_page(NAVY))
        gray, colour = to_gray_and_colour(Image.fromarray(photo))
        assert "dark fills inverted" in prepare_for_ocr(gray, colour=colour)[1]
        scan = np.asarray(Image.fromarray(printed_page(NAVY)).convert("L")).copy()
        assert "dark fills inverted" not in prepare_for_ocr(scan)[1]
