"""Light print on a scan's dark fill that the page's read left out is read from the fill alone
(`fill_reads`)."""

from __future__ import annotations

import numpy as np

from invoiceme_common.ocr_pages import OcrWord
from invoiceme_ocr.fill_reads import (
    NOTE,
    dark_fills,
    fills_to_read,
    fills_with_source,
    reread_fills,
    unread_print,
)
from invoiceme_ocr.preprocess import prepare_page
from tests.unit.extractor.wordbox import ocr_page

HEIGHT, WIDTH = 1400, 1000
PANEL = (700, 0, 1000, 1400)  # a dark side panel down the page's right edge


def word(text: str, left: int, top: int, width: int, height: int = 20) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=0.9, line=0)


def panel_page() -> np.ndarray:
    """White paper with a black line of body text, and a dark panel printing two light lines."""
    gray = np.full((HEIGHT, WIDTH), 245, np.uint8)
    gray[200:220, 100:600:3] = 0  # the body's line
    left, top, right, bottom = PANEL
    gray[top:bottom, left:right] = 70
    gray[300:320, 760:950:2] = 250  # 'ע.מ. 523502599', white on the panel
    for top in range(600, 1000, 60):  # the panel's totals, their labels
        gray[top : top + 20, 760:900:2] = 250
    return gray


class TestFillsToRead:
    """Only a large dark fill whose light print the words read leave uncovered is read again."""

    def test_the_panel_is_a_fill_and_the_body_line_is_not(self) -> None:
        fills = dark_fills(panel_page())
        assert len(fills) == 1
        left, top, right, bottom = fills[0]
        assert 700 <= left < 730 and right <= 1000 and top < 40 and bottom > 1360

    def test_a_plain_page_has_no_fill(self) -> None:
        gray = np.full((HEIGHT, WIDTH), 245, np.uint8)
        gray[200:220, 100:600:3] = 0
        assert dark_fills(gray) == []

    def test_unread_light_print(self) -> None:
        gray = panel_page()
        fill = dark_fills(gray)[0]
        assert unread_print([word("Services", 100, 200, 500)], gray, fill) == 1.0
        read = [word("523502599", 760, 300, 190)]
        read += [word(f"{top}.00", 760, top, 140) for top in range(600, 1000, 60)]
        assert unread_print(read, gray, fill) < 0.1
        assert fills_to_read(read, gray) == []
        assert fills_to_read([], gray) == [fill]

    def test_dark_print_on_a_grey_cell_is_not_read_again(self) -> None:
        gray = np.full((HEIGHT, WIDTH), 245, np.uint8)
        gray[0:HEIGHT, 700:1000] = 170
        gray[300:320, 760:950:3] = 0  # black print on a grey panel: the page reads it as usual
        assert len(dark_fills(gray)) == 1
        assert fills_to_read([], gray) == []


def test_the_fill_read_alone_is_merged_over_its_scraps() -> None:
    gray = panel_page()
    scrap = word("3", 770, 300, 12).model_copy(update={"line": 1})  # all the page read of the id
    words = [word("Services", 100, 200, 500), scrap]
    crops = []
    left, top = dark_fills(gray)[0][:2]  # the crop's origin on the page, 10 px of white around it

    def read_block(crop: np.ndarray) -> dict[str, list]:
        crops.append(crop)
        return {
            "text": ["523502599", "x"],
            "conf": [96, 20],
            "left": [760 - left + 10, 80],
            "top": [300 - top + 10, 600],
            "width": [190, 10],
            "height": [20, 20],
            "block_num": [1, 2],
            "par_num": [1, 1],
            "line_num": [1, 1],
        }

    read = reread_fills(ocr_page(words, WIDTH, HEIGHT), gray, read_block)
    assert len(crops) == 1
    assert np.median(crops[0]) > 200  # the fill given to Tesseract as paper: its print dark
    assert read.text.splitlines() == ["Services", "523502599"]
    assert NOTE in read.notes and "re-read unread blocks" not in read.notes


def test_a_page_without_an_unread_fill_costs_no_read() -> None:
    gray = np.full((HEIGHT, WIDTH), 245, np.uint8)

    def read_block(crop: np.ndarray) -> dict[str, list]:
        raise AssertionError("no fill: nothing is read")

    page = ocr_page([word("Services", 100, 200, 500)], WIDTH, HEIGHT)
    assert reread_fills(page, gray, read_block) is page


def light_panel_page() -> np.ndarray:
    """White paper with body text, and a wide light-grey panel printing lighter lines: too wide for
    `flatten_light`'s dilation, the panel passes for paper in shade, and dividing by it turns the
    panel and its print white."""
    gray = np.full((HEIGHT, WIDTH), 245, np.uint8)
    gray[200:220, 100:400:3] = 0
    gray[50:1350, 500:950] = 171
    for top in range(300, 1000, 60):
        gray[top : top + 20, 560:900:2] = 219
    return gray


class TestLightPanelBeforeFlattening:
    def test_flattening_hides_the_panel_and_the_page_before_it_shows_it(self) -> None:
        gray = light_panel_page()
        prepared, _, unflattened = prepare_page(gray, ("flatten_light",))
        assert unflattened is gray  # flattening changed the page: its twin kept
        assert fills_to_read([], prepared) == []  # the print is gone from the page as read
        chosen = fills_with_source([], prepared, unflattened)
        assert len(chosen) == 1 and chosen[0][1] is unflattened
        assert chosen[0][0][0] >= 500

    def test_no_twin_when_flattening_leaves_the_page_alone(self) -> None:
        _, _, unflattened = prepare_page(panel_page()[:, :690], ("flatten_light",))
        assert unflattened is None

    def test_the_panel_is_read_from_the_page_before_flattening(self) -> None:
        gray = light_panel_page()
        prepared, _, unflattened = prepare_page(gray, ("flatten_light",))
        crops = []

        def read_block(crop: np.ndarray) -> dict[str, list]:
            crops.append(crop)
            return {key: [] for key in ("text", "conf", "left", "top", "width", "height")}

        page = ocr_page([word("Services", 100, 200, 500)], WIDTH, HEIGHT)
        reread_fills(page, prepared, read_block)
        assert crops == []  # as read today: nothing left on the flattened page
        reread_fills(page, prepared, read_block, unflattened)
        assert len(crops) == 1 and (crops[0] < 128).mean() > 0.01  # the print, dark on white

    def test_a_shadow_flattening_took_away_is_no_panel(self) -> None:
        gray = light_panel_page()
        gray[:, 400:1000] = np.linspace(245, 110, 600).astype(np.uint8)  # darkening to the edge
        for top in range(300, 1000, 60):
            gray[top : top + 20, 460:900:2] = 0  # black print in the shade
        prepared, _, unflattened = prepare_page(gray, ("flatten_light",))
        assert unflattened is gray
        assert fills_with_source([], prepared, unflattened) == []
