"""Side panels of short rows ('VAT' over '123.71'): their ink lines are too short for the page's
text-line finder, so short lines count when they make a block the page's read left mostly unread."""

from __future__ import annotations

import cv2
import numpy as np

from invoiceme_common.ocr_pages import OcrWord
from invoiceme_ocr.preprocess.geometry import line_boxes, line_shaped
from invoiceme_ocr.unread_blocks import SHORT_RATIO, SHORT_WIDTH, with_panels


def word(text: str, left: int, top: int, width: int, height: int = 12) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=0.9, line=0)


# The page's text lines (main column, read) and a side panel's short rows (label, amount; unread).
MAIN = [(400, 100, 1100, 114), (400, 122, 1050, 136)]
PANEL = [(40, 400, 80, 410), (40, 418, 110, 430), (40, 450, 70, 460), (40, 468, 105, 480)]
READ_MAIN = [word("Invoice", 400, 101, 700), word("Bill", 400, 123, 650)]


class TestShortLines:
    def test_short_rows_are_lines_only_with_the_short_shape(self) -> None:
        mask = np.zeros((300, 600), np.uint8)
        cv2.putText(mask, "123.71", (50, 100), cv2.FONT_HERSHEY_SIMPLEX, 0.5, 255, 1)
        cv2.putText(mask, "a line of text wide enough", (50, 200), cv2.FONT_HERSHEY_SIMPLEX, 0.5, 255, 1)
        default = line_boxes(mask)
        short = line_boxes(mask, SHORT_WIDTH, SHORT_RATIO)
        assert len(default) == 1 and default[0][1] > 150
        assert len(short) == 2
        # the text lines are the short lines of the text-line shape (unread_blocks finds blobs once)
        assert [box for box in short if line_shaped(box)] == default


class TestPanels:
    def test_an_unread_panel_is_added(self) -> None:
        blocks = with_panels(READ_MAIN, [], MAIN + PANEL, 900)
        assert [sorted(block) for block in blocks] == [sorted(PANEL)]

    def test_a_read_panel_is_not(self) -> None:
        words = [*READ_MAIN, *(word("x" * 9, x0, y0, x1 - x0) for x0, y0, x1, _ in PANEL)]
        assert with_panels(words, [], MAIN + PANEL, 900) == []

    def test_a_single_short_line_is_no_panel(self) -> None:
        assert with_panels(READ_MAIN, [], MAIN + PANEL[:1], 900) == []

    def test_the_panel_takes_the_place_of_a_block_inside_it(self) -> None:
        inner = [PANEL[1]]
        other = [(600, 900, 800, 912)]
        blocks = with_panels(READ_MAIN, [inner, other], MAIN + PANEL, 900)
        assert other in blocks and inner not in blocks and len(blocks) == 2
