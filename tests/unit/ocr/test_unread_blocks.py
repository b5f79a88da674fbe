"""Blocks of print beside a photo's main column read alone: how ink lines group into blocks, which
blocks are read again, where the crop stops, how the crop is made readable and merged back."""

from __future__ import annotations

import numpy as np

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord
from invoiceme_ocr.unread_blocks import (
    PAD,
    block_words,
    blocks_to_read,
    crop_box,
    line_blocks,
    readable_crop,
    unread_lines,
    unread_share,
    with_block_rereads,
)


def word(text: str, left: int, top: int, width: int, height: int = 12, confidence: float = 0.9) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=confidence, line=0)


# A side panel (x 40-200) with four lines (name, address, label, tax id), and the main column
# (x 400-1100) with two lines level with the panel's first ones.
PANEL = [(40, 100, 200, 114), (40, 120, 180, 134), (40, 160, 150, 172), (40, 178, 190, 192)]
MAIN = [(400, 100, 1100, 114), (400, 122, 1050, 136)]


class TestLineBlocks:
    """Lines above one another and close together are one block; a column beside them is another."""

    def test_a_panel_and_the_main_column_are_two_blocks(self) -> None:
        blocks = line_blocks(PANEL + MAIN)
        assert sorted(len(block) for block in blocks) == [2, 4]
        assert sorted(PANEL) in [sorted(block) for block in blocks]

    def test_lines_far_apart_are_two_blocks(self) -> None:
        assert len(line_blocks([(40, 100, 200, 114), (40, 400, 200, 414)])) == 2


class TestWhichBlocks:
    """A narrow block whose lines the read left (partly) unread is read again; a read one, or a
    block as wide as the page (the band re-reads' work), is not."""

    def test_a_box_read_as_one_character_leaves_its_line_unread(self) -> None:
        # Tesseract's box over the whole id (150 px) with '3' in it: the id is not read
        assert unread_share([word("3", 40, 179, 150)], [(40, 178, 190, 192)]) > 0.8
        assert unread_share([word("51-649956-3", 40, 179, 150)], [(40, 178, 190, 192)]) == 0

    def test_the_panel_with_an_unread_id_is_read_and_the_read_column_is_not(self) -> None:
        words = [
            word("Cedar", 40, 101, 70),
            word("Supplies", 115, 101, 85),
            word("12", 40, 121, 20),
            word("Elm", 65, 121, 40),
            word("Avenue", 110, 121, 70),
            word("VAT", 40, 161, 40),
            word("No.", 85, 161, 40),
            word("Commercial", 400, 101, 120),
            word("Invoice", 530, 101, 84),
            word("for", 620, 101, 36),
            word("consulting", 662, 101, 120),
            word("services", 788, 101, 96),
            word("rendered", 890, 101, 96),
            word("in", 992, 101, 24),
            word("August", 1022, 101, 78),
            word("Due", 400, 123, 40),
            word("by:", 446, 123, 36),
            word("20/01/2025", 488, 123, 120),
            word("payable", 614, 123, 84),
            word("by", 704, 123, 24),
            word("bank", 734, 123, 48),
            word("transfer", 788, 123, 96),
            word("within", 890, 123, 72),
            word("thirty", 968, 123, 72),
        ]
        assert blocks_to_read(words, PANEL + MAIN, 1200) == [sorted(PANEL, key=lambda line: line[1])]

    def test_a_block_as_wide_as_the_page_is_left_to_the_band_rereads(self) -> None:
        assert blocks_to_read([], [(40, 100, 1150, 114)], 1200) == []


class TestCrop:
    """The crop grows past the block's lines up to its margin, and stops before other ink."""

    def test_the_crop_stops_before_a_fill_edge(self) -> None:
        ink = np.zeros((400, 600), bool)
        ink[:, 35] = True  # the panel's edge, 5 px left of its lines
        ink[50:60, 300:320] = True  # ink beyond the margin: not reached
        left, top, right, bottom = crop_box([(40, 100, 200, 114), (40, 120, 180, 134)], ink)
        assert left == 36  # up to the edge, not over it
        assert (top, right, bottom) == (100 - 11, 200 + 11, 134 + 11)  # 0.8 of a 14 px line

    def test_light_print_on_a_fill_comes_out_dark_on_white_and_enlarged(self) -> None:
        gray = np.full((60, 200), 90, np.uint8)  # a dark panel
        gray[20:30, 20:180:4] = 200  # light strokes of a line of print
        crop, factor = readable_crop(gray, (0, 0, 200, 60), line_height=10)
        assert factor == 3.0
        assert crop.shape == (60 * 3 + 2 * PAD, 200 * 3 + 2 * PAD)
        body = crop[PAD:-PAD, PAD:-PAD]
        assert np.median(body) == 255  # the fill is the paper now
        assert body[25 * 3, 20 * 3] < 60  # a stroke is dark

    def test_words_come_back_in_page_pixels(self) -> None:
        data = {
            "text": ["51-649956-3"],
            "conf": [88.0],
            "left": [PAD + 30],
            "top": [PAD + 60],
            "width": [300],
            "height": [36],
            "block_num": [1],
            "par_num": [1],
            "line_num": [1],
        }
        (found,) = block_words(data, (40, 170, 200, 200), 3.0)
        assert (found.left, found.top, found.width, found.height) == (50, 190, 100, 12)


class TestWordsInTheBorder:
    def test_a_word_read_in_the_white_border_starts_at_the_box(self) -> None:
        data = {
            "text": ["|"],
            "conf": [70.0],
            "left": [2],
            "top": [3],
            "width": [1],
            "height": [30],
            "block_num": [1],
            "par_num": [1],
            "line_num": [1],
        }
        (found,) = block_words(data, (0, 0, 200, 60), 3.0)
        assert (found.left, found.top) == (0, 0) and found.width >= 1


class TestMerge:
    """The re-read's lines that reach a line left unread are taken whole; read lines stay."""

    def page(self, words: list[OcrWord]) -> OcrPage:
        words = [w.model_copy(update={"line": i}) for i, w in enumerate(words)]
        return OcrPage(
            number=1,
            text="\n".join(w.text for w in words),
            method="ocr",
            confidence=0.9,
            words=words,
            lines=[OcrLine(w.text, w.left, w.top, w.width, w.height, 0.9) for w in words],
        )

    def test_the_unread_id_replaces_its_scrap_and_read_lines_stay(self) -> None:
        page = self.page([word("VAT", 40, 161, 40), word("3", 40, 179, 150), word("Invoice", 400, 101, 300)])
        reread = [word("VAT!", 40, 161, 40), word("51-649956-3", 40, 179, 150).model_copy(update={"line": 1})]
        rebuilt = with_block_rereads(page, [[(40, 178, 190, 192)]], [reread])
        assert sorted(w.text for w in rebuilt.words) == ["51-649956-3", "Invoice", "VAT"]
        assert "re-read unread blocks" in rebuilt.notes
        unsure = [word("51-649956-3", 40, 179, 150, confidence=0.4)]
        assert with_block_rereads(page, [[(40, 178, 190, 192)]], [unsure]) is page

    def test_a_label_read_only_now_joins_its_amount_on_one_line(self) -> None:
        # a box of totals: the amount was read, its label (an ink line of its own) was not
        page = self.page([word("3197.61", 40, 300, 80)])
        reread = [word('סה"כ', 300, 300, 50), word("פריטים", 360, 300, 70), word("3197.61", 40, 300, 80)]
        rebuilt = with_block_rereads(page, [[(300, 298, 430, 314)]], [reread])
        assert rebuilt.text.splitlines() == ['סה"כ פריטים 3197.61']

    def test_an_unread_line_is_found_in_its_block(self) -> None:
        assert unread_lines([word("3", 40, 179, 150)], PANEL) == PANEL  # nothing else read
        read = [word("Cedar", 40, 101, 70), word("Supplies", 115, 101, 85)]
        assert (40, 100, 200, 114) not in unread_lines(read, PANEL)
