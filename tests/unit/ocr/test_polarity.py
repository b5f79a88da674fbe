"""Dark fills inverted before Tesseract: a band's light text turns dark, the page around it does not
change, and faint print that Tesseract's global threshold dropped beside a large fill is read."""

from __future__ import annotations

import cv2
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

    def test_print_alone_skips_the_search_for_fills(self, monkeypatch) -> None:
        # black print is thinner than a letter is tall: nothing survives the opening, so the costly
        # bridging (row and column closings over the whole page) is never run
        def bridge_words(*_: object) -> np.ndarray:
            raise AssertionError("bridging ran on a page without a dark area")

        monkeypatch.setattr(polarity, "bridge_words", bridge_words)
        page = banded_page(band=None, ink=0)
        assert not polarity.fill_mask(page, letter=20.0).any()

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


def shaded_cell_page() -> np.ndarray:
    """A page with black print on a mid-grey shaded cell (as dark as a fill) and a line beside it."""
    image = Image.new("L", (1240, 900), 245)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(synthetic.FONT_PATH, 30)
    draw.rectangle((600, 380, 1200, 480), fill=95)
    draw.text((620, 400), "Total due 23,552.80", font=font, fill=15)
    draw.text((80, 200), FAINT_LINES[0], font=font, fill=40)
    return np.asarray(image).copy()


def boxed_lines_page() -> np.ndarray:
    """A black total box one line tall and a dark header row of spaced words, both in white."""
    image = Image.new("L", (1240, 900), 245)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(synthetic.FONT_PATH, 30)
    draw.rectangle((600, 600, 1200, 660), fill=25)
    draw.text((640, 612), "Total 51,330.35", font=font, fill=235)
    draw.rectangle((300, 200, 1200, 250), fill=40)
    for x, word in ((308, "Item"), (560, "Quantity"), (900, "Price"), (1135, "Sum")):
        draw.text((x, 208), word, font=font, fill=235)
    return np.asarray(image).copy()


class TestFillsBrokenByText:
    """A line of light text across a fill breaks the dark area the search starts from; the text's
    part of the fill is the fill's all the same (left out, it stayed light on dark between inverted
    parts and read as blotches)."""

    def test_a_box_one_line_tall_is_a_fill_with_its_line(self) -> None:
        fills = polarity.fill_mask(boxed_lines_page(), letter=22.0) > 0
        assert fills[605:655, 605:1195].mean() > 0.97

    def test_a_header_row_is_one_fill_across_its_words(self) -> None:
        fills = polarity.fill_mask(boxed_lines_page(), letter=22.0) > 0
        assert fills[205:245, 305:1195].mean() > 0.97  # its words too, the first and last at its ends
        assert not fills[260:590, :].any()  # the paper between the two fills stays paper

    def test_their_text_is_read_dark_on_white(self) -> None:
        page = boxed_lines_page()
        out = polarity.invert_fills(page)
        assert float(np.median(out[605:655, 605:1195])) > 230
        assert float(np.median(out[605:655, 605:1195][page[605:655, 605:1195] > 150])) < 100
        text = ocr_image(1, out, OcrOptions(preprocess_steps=())).text
        assert all(word in text for word in ("51,330.35", "Item", "Quantity", "Price", "Sum"))


class TestDarkTextOnAFill:
    """A fill whose text is darker than it is lightened, never inverted: inverted, black print on a
    grey cell turns lighter than the cell's ground and is erased with it."""

    def test_which_way_the_text_is(self) -> None:
        white_on_band = np.full(1000, 30, np.uint8)
        white_on_band[:150] = 230
        black_on_grey = np.full(1000, 95, np.uint8)
        black_on_grey[:150] = 15
        assert polarity.text_is_light(white_on_band)
        assert not polarity.text_is_light(black_on_grey)
        noisy_band = np.random.default_rng(1).normal(20, 9, 1000).clip(0, 255).astype(np.uint8)
        assert polarity.text_is_light(noisy_band)  # no text: inverting a plain fill changes nothing

    def test_grey_cell_turns_white_and_its_text_stays_dark(self) -> None:
        page = shaded_cell_page()
        out = polarity.invert_fills(page)
        cell, letters = out[380:480, 600:1200], page[380:480, 600:1200] < 50
        assert float(np.median(cell)) > 230
        assert float(np.median(cell[letters])) < 100  # inverted, they were ~240: erased

    def test_its_text_is_read(self) -> None:
        plain = OcrOptions(preprocess_steps=())
        text = ocr_image(1, polarity.invert_fills(shaded_cell_page()), plain).text
        assert "23,552.80" in text and "7737012" in text


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


class TestDarkGaps:
    """The gaps kept are those of the whole-page formula: labelled on the page, dark pixels weighed."""

    @staticmethod
    def whole_page(gaps: np.ndarray, dark: np.ndarray) -> np.ndarray:
        count, labels, stats, _ = cv2.connectedComponentsWithStats(gaps, connectivity=4)
        darkness = np.bincount(labels.ravel(), weights=dark.ravel(), minlength=count)
        keep = darkness >= polarity.BRIDGE_DARK * stats[:, cv2.CC_STAT_AREA]
        keep[0] = False
        return keep[labels].astype(np.uint8)

    def test_same_gaps_as_labelling_the_whole_page(self) -> None:
        rng = np.random.default_rng(5)
        for _ in range(20):
            gaps = np.zeros((120, 160), np.uint8)
            top, left = rng.integers(0, 60), rng.integers(0, 80)
            gaps[top : top + 50, left : left + 70] = rng.random((50, 70)) < 0.55
            dark = (rng.random(gaps.shape) < 0.5).astype(np.uint8)
            found = polarity.dark_gaps(gaps, dark)
            assert found.dtype == np.uint8
            assert np.array_equal(found, self.whole_page(gaps, dark))

    def test_a_mostly_light_gap_is_not_kept(self) -> None:
        gaps = np.zeros((20, 30), np.uint8)
        gaps[5:8, 3:10] = gaps[12:15, 15:25] = 1
        dark = np.zeros_like(gaps)
        dark[5:8, 3:10] = 1  # the first gap dark (light words on a fill), the second paper
        found = polarity.dark_gaps(gaps, dark)
        assert found[5:8, 3:10].all() and not found[12:15, 15:25].any()


class TestRowEndsWhereverTheFillIs:
    """A fill's rows are carried on past its ends the same wherever it lies on the page."""

    @staticmethod
    def header_row(rows: int, columns: int, top: int, left: int) -> tuple[np.ndarray, np.ndarray]:
        solid, dark = np.zeros((rows, columns), np.uint8), np.zeros((rows, columns), np.uint8)
        dark[top : top + 12, left : left + 150] = 1  # a dark header row...
        solid[top : top + 12, left + 40 : left + 110] = 1  # ...whose end words the opening cut off
        return solid, dark

    def test_same_reach_at_any_offset(self) -> None:
        near = polarity.extend_row_ends(*self.header_row(30, 200, 5, 10), 4)
        far = polarity.extend_row_ends(*self.header_row(300, 500, 170, 260), 4)
        assert near[5:17, 10:160].sum() > self.header_row(30, 200, 5, 10)[0].sum()  # it was carried
        assert np.array_equal(far[170:182, 260:410], near[5:17, 10:160])
        assert far.sum() == near.sum()

    def test_no_part_no_change(self) -> None:
        empty = np.zeros((40, 50), np.uint8)
        assert not polarity.extend_row_ends(empty, np.ones_like(empty), 5).any()
