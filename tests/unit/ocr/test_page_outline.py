"""A photo's page outline when the page prints a dark fill up to its edge and lies on a dark desk:
the outline is the paper's quadrilateral, not the light area. Synthetic photos with known corners,
through the real `find_page_quad` (and `flatten_light` for the band's text)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from invoiceme_ocr.images import to_gray_and_colour
from invoiceme_ocr.preprocess import cleanup, geometry
from tests.support import synthetic_pages as synthetic

NAVY = (30, 40, 110)  # RGB: the reader's grey (darkest channel) is 30, as dark as the desk
DESK = (32, 27, 27)
TEAL = (20, 120, 130)  # RGB: dark in the reader's grey, light in its brightest channel
PAGE_CORNERS = np.array([[0.14, 0.12], [0.88, 0.07], [0.92, 0.9], [0.1, 0.94]], np.float32)  # of the canvas


def printed_page(band: tuple[int, int, int] | None, edge: int = 0) -> np.ndarray:
    """An A5-ish invoice page (RGB, 100 DPI) with text lines; with `band`, a fill 12 % of the page's
    height printed up to its top edge with the vendor's name in white, then the page turned `edge`
    quarter turns (so the band lies along another edge)."""
    gray = synthetic.render_page(synthetic.ENGLISH_LINES * 3, dpi=100, width_in=5.8, height_in=8.27)
    image = Image.fromarray(gray).convert("RGB")
    if band is not None:
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, image.width, round(0.12 * image.height)), fill=band)
        font = ImageFont.truetype(synthetic.FONT_PATH, 28)
        draw.text((60, 30), "Orion Works Co.", font=font, fill=(245, 245, 245))
    return np.ascontiguousarray(np.rot90(np.asarray(image), edge))


def paneled_page(panel: tuple[int, int, int], width_share: float = 0.28) -> np.ndarray:
    """The page with a fill down its left side (`width_share` of its width) from the top edge to
    just above the bottom one (a printer's unprinted border), the vendor's details in white in it."""
    image = Image.fromarray(printed_page(None))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, round(width_share * image.width), image.height - 8), fill=panel)
    font = ImageFont.truetype(synthetic.FONT_PATH, 16)
    for row, text in enumerate(("Orion Works", "VAT 514321678", "Tel 03-1234567")):
        draw.text((12, 60 + 40 * row), text, font=font, fill=(245, 245, 245))
    return np.asarray(image)


def photographed(page: np.ndarray, desk: tuple[int, int, int] = DESK, seed: int = 3) -> np.ndarray:
    """The page on a desk in perspective (corners at `PAGE_CORNERS` of the canvas), light falling
    off to the left, blur and noise; RGB. Returns the photo."""
    height, width = page.shape[:2]
    canvas_width, canvas_height = int(width * 1.35), int(height * 1.35)
    source = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    target = PAGE_CORNERS * np.array([canvas_width, canvas_height], np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    photo = cv2.warpPerspective(page, matrix, (canvas_width, canvas_height), borderValue=desk)
    photo = photo.astype(np.float32)
    photo *= np.linspace(0.8, 1.0, canvas_width, dtype=np.float32)[None, :, None]
    photo = cv2.GaussianBlur(photo, (0, 0), 0.8) + np.random.default_rng(seed).normal(0, 4, photo.shape)
    return photo.clip(0, 255).astype(np.uint8)


def true_corners(photo: np.ndarray) -> np.ndarray:
    return PAGE_CORNERS * np.array([photo.shape[1], photo.shape[0]], np.float32)


def read_as_the_reader_does(photo: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    return to_gray_and_colour(Image.fromarray(photo))


def corner_error(found: np.ndarray | None, photo: np.ndarray) -> float:
    """Largest distance of a found corner from the paper's, as a share of the photo's long side."""
    assert found is not None
    return float(np.linalg.norm(found - true_corners(photo), axis=1).max()) / max(photo.shape[:2])


class TestPageOutlineOverEdgeFills:
    """The outline reaches over a fill printed to the paper's edge, at any edge, and stays put
    where the page has none."""

    @pytest.mark.parametrize("edge", [0, 1, 2, 3])
    def test_coloured_band_on_a_dark_desk_stays_on_the_page(self, edge: int) -> None:
        photo = photographed(printed_page(NAVY, edge))
        gray, colour = read_as_the_reader_does(photo)
        assert corner_error(geometry.find_page_quad(gray, colour), photo) < 0.012

    def test_in_grey_alone_the_band_is_as_dark_as_the_desk(self) -> None:
        # Why the colour copy is needed: the reader's grey (darkest channel) of a navy band is the
        # desk's grey, and the outline found without colour runs along the band's inner edge.
        photo = photographed(printed_page(NAVY))
        gray, _ = read_as_the_reader_does(photo)
        assert corner_error(geometry.find_page_quad(gray), photo) > 0.05

    @pytest.mark.parametrize("edge", [0, 3])
    def test_grey_band_is_found_in_grey(self, edge: int) -> None:
        # A neutral dark fill (a black table header, a grey banner) a little lighter than the desk.
        photo = photographed(printed_page((75, 75, 75), edge), desk=(30, 30, 30))
        gray, _ = read_as_the_reader_does(photo)
        assert corner_error(geometry.find_page_quad(gray), photo) < 0.012

    @pytest.mark.parametrize(
        "band, desk", [(NAVY, DESK), ((74, 74, 85), (100, 95, 95)), ((75, 75, 75), (30, 30, 30))]
    )
    @pytest.mark.parametrize("share", [0.9, 0.96])
    def test_a_band_that_stops_short_of_one_edge(
        self, band: tuple[int, int, int], desk: tuple[int, int, int], share: float
    ) -> None:
        # The paper shows beside the band's end, so the outline found there is the paper's corner,
        # and it runs from there across to the band's inner corner at the other end: the side found
        # cuts a wedge of band off, whose outer edge (the paper's) starts at nothing at that corner.
        image = Image.fromarray(printed_page(None))
        band_box = (0, 0, round(share * image.width), round(0.06 * image.height))
        ImageDraw.Draw(image).rectangle(band_box, fill=band)
        photo = photographed(np.asarray(image), desk=desk)
        gray, colour = read_as_the_reader_does(photo)
        assert corner_error(geometry.find_page_quad(gray, colour), photo) < 0.012

    @pytest.mark.parametrize("panel", [(200, 100, 20), (90, 40, 140)])
    def test_coloured_side_panel_stays_on_the_page(self, panel: tuple[int, int, int]) -> None:
        # In grey the paper's strip under the panel joins the outline, which then runs from that
        # strip's corner to the panel's inner top corner: no straight fill edge for the sides to move
        # out to, and the warp cut the vendor's details off the page.
        photo = photographed(paneled_page(panel))
        gray, colour = read_as_the_reader_does(photo)
        assert corner_error(geometry.find_page_quad(gray, colour), photo) < 0.012

    @pytest.mark.parametrize("desk", [DESK, (90, 80, 78), (150, 140, 120)])
    def test_page_without_a_band_keeps_its_outline(self, desk: tuple[int, int, int]) -> None:
        photo = photographed(printed_page(None), desk=desk)
        gray, colour = read_as_the_reader_does(photo)
        with_colour, grey_only = geometry.find_page_quad(gray, colour), geometry.find_page_quad(gray)
        assert corner_error(with_colour, photo) < 0.012
        assert grey_only is not None and np.abs(with_colour - grey_only).max() < 2.0

    def test_a_fill_over_most_of_the_page_on_a_grey_desk(self) -> None:
        # A teal fill over the lower 55 % of the page: in the reader's grey the paper inside the
        # outline is mostly as dark as the desk, so it did not pass for paper, the page was read
        # uncropped and sideways, and not a word came out; in the brightest channel the fill is light.
        image = Image.fromarray(printed_page(None))
        ImageDraw.Draw(image).rectangle((0, round(0.45 * image.height), image.width, image.height), fill=TEAL)
        photo = photographed(np.asarray(image), desk=(80, 80, 80))
        gray, colour = read_as_the_reader_does(photo)
        assert geometry.find_page_quad(gray) is None  # grey alone cannot tell this page from the desk
        assert corner_error(geometry.find_page_quad(gray, colour), photo) < 0.012

    def test_band_text_stays_light_on_dark_when_a_shadow_joins_the_band(self) -> None:
        # After the warp the band lies on the image's edge and a shadow over the page's left half
        # joins it into one dark area with soft edges: it passed for shadow, was divided by
        # itself, and the white name sank into grey noise.
        page = cv2.cvtColor(printed_page(NAVY), cv2.COLOR_RGB2GRAY).astype(np.float32)
        shade = np.ones_like(page)
        shade[:, : page.shape[1] // 2] = 0.55
        shaded = (page * cv2.GaussianBlur(shade, (0, 0), 25)).astype(np.uint8)
        flat = cleanup.flatten_light(shaded)
        band_rows = slice(4, round(0.12 * page.shape[0]) - 4)
        band_ground = flat[band_rows][page[band_rows] < 128]
        assert float(np.median(band_ground)) < 110  # the band stays dark: its white name readable
        assert float(np.median(flat[page > 200])) > 200  # the paper still white
