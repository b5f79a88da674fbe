"""A tax id the page's read turned into unsure letters is read again (`garbled_ids`), with Tesseract."""

from __future__ import annotations

import os

import cv2
import numpy as np
from PIL import Image, ImageDraw

from invoiceme_common.ocr_pages import OcrWord
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.garbled_ids import checked_id, unsure_runs
from invoiceme_ocr.page_rereads import reread_garbled_ids
from tests.unit.ocr.test_label_values import draw_line, page_of

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def word(text: str, left: int, confidence: float, line: int = 0, width: int = 60) -> OcrWord:
    return OcrWord(text=text, left=left, top=100, width=width, height=12, confidence=confidence, line=line)


class TestUnsureRuns:
    def test_neighbouring_unsure_words_as_wide_as_an_id(self) -> None:
        words = [word("Tel.", 0, 0.9, width=24), word("Pane", 111, 0.12, width=59)]
        words.append(word("Be", 187, 0.26, width=17))
        assert unsure_runs(words) == [(1, 2)]

    def test_sure_words_a_narrow_speck_and_another_line_make_no_run(self) -> None:
        assert unsure_runs([word("Total", 0, 0.95), word("19,413.70", 70, 0.96)]) == []
        assert unsure_runs([word("cr", 0, 0.3, width=15)]) == []  # 15 px for 12 px print: a mark
        # two unsure words on two lines are two runs, each too narrow
        two_lines = [word("Pa", 0, 0.2, line=0, width=30), word("ne", 35, 0.2, line=1, width=30)]
        assert unsure_runs(two_lines) == []

    def test_a_right_to_left_line_measured_by_its_boxes(self) -> None:
        # a Hebrew line lists its words right to left: the run is as wide, and as gapped, as its boxes
        words = [word("Be", 187, 0.26, width=17), word("Pane", 111, 0.12, width=59)]
        assert unsure_runs(words) == [(0, 1)]
        far_apart = [word("Be", 400, 0.26, width=40), word("Pane", 0, 0.12, width=40)]
        assert unsure_runs(far_apart) == []  # 360 px apart: two runs, each too narrow

    def test_a_whole_line_of_garble_is_no_id(self) -> None:
        assert unsure_runs([word("~~", 40 * k, 0.1, width=36) for k in range(8)]) == []


class TestCheckedId:
    def test_only_ids_that_pass_a_real_check(self) -> None:
        assert checked_id("ESA81267544") == "ESA81267544"
        assert checked_id("| 51-342770-3") is None  # fails the Israeli check digit
        assert checked_id("01-342770-3") == "01-342770-3"
        assert checked_id("DE123456789") is None  # a German number's shape, not its check
        assert checked_id("Pane Be") is None


def garbled_id_page(value: str) -> tuple[np.ndarray, list[OcrWord]]:
    """An address line, and under it an id in small blurred print that the page's read garbled."""
    page = Image.new("L", (700, 120), 255)
    draw = ImageDraw.Draw(page)
    draw_line(draw, 30, 20, "Avenida de la Constitucion 171, Bilbao", 14)
    box = draw_line(draw, 30, 60, value, 13)
    gray = cv2.GaussianBlur(np.asarray(page).copy(), (3, 3), 0)
    half, height = (box[0] + box[2]) // 2, box[3] - box[1]
    first = OcrWord(
        text="Pane", left=box[0], top=box[1], width=half - box[0] - 6, height=height, confidence=0.12, line=1
    )
    return gray, [first, first.model_copy(update={"text": "Be", "left": half, "width": box[2] - half})]


class TestRereadWithTesseract:
    def test_an_id_read_as_garble_is_read_again(self) -> None:
        gray, words = garbled_id_page("ESA81267544")
        page = reread_garbled_ids(page_of(words, gray), gray, OcrOptions())
        assert [w.text for w in page.words] == ["ESA81267544"]
        assert "re-read garbled ids" in page.notes

    def test_print_that_is_no_valid_id_changes_nothing(self) -> None:
        gray, words = garbled_id_page("ESA81267545")  # one digit off: fails the check
        page = page_of(words, gray)
        assert reread_garbled_ids(page, gray, OcrOptions()) is page
