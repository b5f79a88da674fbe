"""Fine print at a page's foot that the page's read left out is read alone (`page_foot`)."""

from __future__ import annotations

import numpy as np

from invoiceme_common.ocr_pages import OcrWord
from invoiceme_ocr.page_foot import foot_blocks, reread_page_foot
from tests.unit.extractor.wordbox import ocr_page


def word(text: str, left: int, top: int, width: int, height: int = 12) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=0.9, line=0)


HEIGHT = 1000
BODY = (100, 300, 700, 314)  # a line of the page's body, read
FOOT = (500, 960, 770, 972)  # the fine print at the foot, not read


class TestFootBlocks:
    """Only the foot's ink lines the words cover too little of are read again."""

    def test_an_unread_foot_line(self) -> None:
        words = [word("Services", 100, 301, 600)]
        assert foot_blocks(words, [BODY, FOOT], HEIGHT) == [[FOOT]]

    def test_a_read_foot_line_or_an_unread_body_line(self) -> None:
        assert foot_blocks([word("VAT No. DE136695976", 500, 961, 270)], [FOOT], HEIGHT) == []
        assert foot_blocks([], [BODY], HEIGHT) == []


def test_the_foot_read_alone_is_merged() -> None:
    gray = np.full((HEIGHT, 1000), 255, np.uint8)
    gray[300:314, 100:700] = 0  # the body's line, read
    gray[960:972, 500:770:3] = 90  # the foot's faint print, not read
    words = [word("Services", 100, 301, 600)]
    reads = []

    def read_block(crop: np.ndarray) -> dict[str, list]:
        reads.append(crop.shape)
        height, width = crop.shape
        return {
            "text": ["USt-IdNr.:", "DE136695976"],
            "conf": [91, 93],
            "left": [10, width // 2],
            "top": [10, 10],
            "width": [width // 2 - 20, width // 2 - 20],
            "height": [height - 20, height - 20],
            "block_num": [1, 1],
            "par_num": [1, 1],
            "line_num": [1, 1],
        }

    read = reread_page_foot(ocr_page(words, 1000, HEIGHT), gray, read_block)
    assert len(reads) == 1
    assert "DE136695976" in read.text and "Services" in read.text
