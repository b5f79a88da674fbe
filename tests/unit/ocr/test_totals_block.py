"""The totals block read again when its amounts do not add up: which amounts count, when a page is
read again and which rows, how the re-read is merged, and (with Tesseract) a misread total fixed."""

from __future__ import annotations

import os

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from invoiceme_common.ocr_pages import OcrPage, OcrWord
from invoiceme_ocr.digits import line_from_words
from invoiceme_ocr.tesseract_api import read_words
from invoiceme_ocr.totals_block import (
    PAD,
    SEGMENTATION_MODE,
    adds_up,
    grand_sum,
    label_rows,
    merged,
    money_values,
    reread_totals_block,
    totals_band,
)
from tests.support.synthetic_pages import FONT_PATH

os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def word(text: str, left: int, top: int, width: int = 80, height: int = 20, line: int = 0) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=0.9, line=line)


def page_of(words: list[OcrWord], width: int = 1000, height: int = 800) -> OcrPage:
    lines = sorted({w.line for w in words})
    return OcrPage(
        number=1,
        text="\n".join(" ".join(w.text for w in words if w.line == n) for n in lines),
        method="ocr",
        confidence=0.8,
        width=width,
        height=height,
        words=words,
        lines=[line_from_words([w for w in words if w.line == n]) for n in lines],
    )


def totals_rows(net: str, vat: str, total: str, top: int = 400) -> list[OcrWord]:
    """A stacked totals block, labels at the left and amounts at the right, a row every 30 px."""
    rows = [("Subtotal", net), ("VAT 20%", vat), ("Total", total)]
    words = []
    for n, (label, amount) in enumerate(rows):
        words.append(word(label, 500, top + 30 * n, line=n))
        if amount:
            words.append(word(amount, 800, top + 30 * n, width=100, line=n))
    return words


def tesseract_data(found: list[tuple[str, int, int]], scale: float = 1.0) -> dict[str, list]:
    """What Tesseract gives for words (text, left, top) on the enlarged band, each its own line."""
    return {
        "text": [text for text, _, _ in found],
        "conf": [90.0] * len(found),
        "left": [left for _, left, _ in found],
        "top": [top for _, _, top in found],
        "width": [int(100 * scale)] * len(found),
        "height": [int(20 * scale)] * len(found),
        "block_num": list(range(len(found))),
        "par_num": [1] * len(found),
        "line_num": [1] * len(found),
    }


class TestAmounts:
    """Amounts with two decimals as printed anywhere; a net, its VAT and their sum add up."""

    def test_thousands_marks_and_signs(self) -> None:
        assert money_values("1,234.56 1.234,56 1'234.56 4 432,89") == [1234.56, 1234.56, 1234.56, 4432.89]
        assert money_values("-27.80 ₪ $11,510.42 €28,451.40") == [27.8, 11510.42, 28451.4]

    def test_no_percent_date_or_three_decimals(self) -> None:
        assert money_values("VAT 17% 12.345 17.07.2024") == []

    def test_a_net_vat_and_total(self) -> None:
        assert adds_up([23131.22, 5320.18, 28451.40])
        assert adds_up([27.8, 32.53, 4.73, 999.0])

    def test_parts_that_are_no_vat(self) -> None:
        assert not adds_up([100.0, 50.0, 150.0])  # 50 % is no VAT rate
        assert not adds_up([6.88, 0.02, 6.90])  # nor 0.3 %: an item, a rounding, a price
        assert not adds_up([23131.22, 5320.18, 28541.40])  # a digit misread

    def test_a_sum_under_a_larger_total_is_a_part(self) -> None:
        assert grand_sum([16.80, 1.01, 17.81, 30.23, 48.04]) == set()  # one rate's share of a slip
        assert grand_sum([27.80, 4.73, 32.53, 1.00]) == {27.80, 4.73, 32.53}


class TestWhenToReadAgain:
    """A page whose totals add up, or that prints no part of its total, is never read again."""

    def test_totals_that_add_up(self) -> None:
        assert totals_band(page_of(totals_rows("1,250.00", "250.00", "1,500.00"))) is None

    def test_a_misread_total_reads_its_rows_again(self) -> None:
        band = totals_band(page_of(totals_rows("1,250.00", "250.00", "91,500.00")))
        assert band is not None and band[0] < 400 and band[1] > 480

    def test_a_total_alone_has_nothing_to_check(self) -> None:
        page = page_of([word("Total", 500, 400), word("1,500.00", 800, 400, 100)])
        assert totals_band(page) is None

    def test_a_tax_id_label_is_no_totals_row(self) -> None:
        page = page_of(
            [word("VAT", 40, 60, line=0), word("Reg.", 130, 60, line=0), word("No.", 200, 60, line=0)]
        )
        assert label_rows(page) == []

    def test_every_tax_id_label_the_ocr_knows_is_no_totals_row(self) -> None:
        # each holds a tax's name (IVA, GST, VAT) that alone would make it a row of the totals
        for label in (["P.IVA"], ["Partita", "IVA"], ["GST", "No."], ["VAT", "Number"]):
            words = [word(text, 40 + 120 * i, 60, line=0) for i, text in enumerate(label)]
            assert label_rows(page_of(words)) == [], label

    def test_the_lowest_block_with_a_total_is_read(self) -> None:
        header = [
            word("Item", 40, 100, line=5),
            word("VAT", 500, 100, line=5),
            word("Total", 800, 100, line=5),
        ]
        band = totals_band(page_of(header + totals_rows("1,250.00", "", "1,500.00", top=600)))
        assert band is not None and band[0] > 500


class TestMerge:
    """The re-read's amounts take the place of the words they lie on; a row the page lost comes whole."""

    def test_an_amount_replaces_the_misread_one(self) -> None:
        page = page_of(totals_rows("1,250.00", "250.00", "91,500.00"))
        words = merged(page, [word("1,500.00", 802, 460, 96, line=0), word("Total", 500, 460, line=0)])
        texts = [w.text for w in words]
        assert "1,500.00" in texts and "91,500.00" not in texts
        assert texts.count("Total") == 1  # the label read again is not added twice

    def test_a_lost_row_comes_in_whole(self) -> None:
        page = page_of(totals_rows("1,250.00", "250.00", ""))
        words = merged(page, [word("Grand", 500, 520, line=3), word("Total", 590, 520, line=3)])
        assert [w.text for w in words][-2:] == ["Grand", "Total"]


class TestRereadWithFakeTesseract:
    """The re-read is taken only when the block then adds up."""

    def test_taken_when_it_adds_up(self) -> None:
        page = page_of(totals_rows("1,250.00", "250.00", "91,500.00"))
        gray = np.full((800, 1000), 255, dtype=np.uint8)
        band = totals_band(page)
        assert band is not None

        def read_block(image: np.ndarray) -> dict[str, list]:
            scale = (image.shape[0] - 2 * PAD) / (band[1] - band[0])
            top = PAD + int((460 - band[0]) * scale)
            return tesseract_data([("1,500.00", PAD + int(800 * scale), top)], scale)

        fixed = reread_totals_block(page, gray, read_block)
        assert "1,500.00" in fixed.text and "91,500.00" not in fixed.text

    def test_only_the_amounts_of_the_sum_come_in(self) -> None:
        page = page_of(totals_rows("1,250.00", "250.00", "91,500.00"))
        band = totals_band(page)
        assert band is not None

        def read_block(image: np.ndarray) -> dict[str, list]:
            scale = (image.shape[0] - 2 * PAD) / (band[1] - band[0])
            # the total read right, and a row the page did not read with an amount of no sum
            found = [("1,500.00", 800, 460), ("7.55", 100, 490)]
            return tesseract_data(
                [
                    (text, PAD + int(left * scale), PAD + int((top - band[0]) * scale))
                    for text, left, top in found
                ],
                scale,
            )

        fixed = reread_totals_block(page, np.full((800, 1000), 255, dtype=np.uint8), read_block)
        texts = [w.text for w in fixed.words]
        assert "1,500.00" in texts and "91,500.00" not in texts
        assert "7.55" not in texts

    def test_refused_when_it_does_not(self) -> None:
        page = page_of(totals_rows("1,250.00", "250.00", "91,500.00"))
        gray = np.full((800, 1000), 255, dtype=np.uint8)
        assert reread_totals_block(page, gray, lambda image: tesseract_data([("7,500.00", 900, 100)])) is page

    def test_nothing_read_when_it_adds_up(self) -> None:
        page = page_of(totals_rows("1,250.00", "250.00", "1,500.00"))

        def must_not_read(image: np.ndarray) -> dict[str, list]:
            raise AssertionError("read a totals block that adds up")

        assert reread_totals_block(page, np.full((800, 1000), 255, dtype=np.uint8), must_not_read) is page


class TestRereadWithTesseract:
    """A small-print totals box whose total the page's read got wrong, read again into the sum."""

    def test_a_misread_total(self) -> None:
        image = Image.new("L", (1000, 800), 255)
        draw = ImageDraw.Draw(image)
        font = ImageFont.truetype(FONT_PATH, 11)
        rows = [("Subtotal", "1,250.00"), ("VAT 20%", "250.00"), ("Total", "1,500.00")]
        words = []
        for n, (label, amount) in enumerate(rows):
            top = 400 + 30 * n
            draw.text((500, top), label, font=font, fill=0)
            box = draw.textbbox((800, top), amount, font=font)
            draw.text((800, top), amount, font=font, fill=0)
            printed = "91,500.00" if label == "Total" else amount  # the page's read of the total
            words.append(word(label, 500, top, 60, 12, line=n))
            words.append(word(printed, box[0], box[1], box[2] - box[0], box[3] - box[1], line=n))
        gray = np.asarray(image).copy()

        def read_block(crop: np.ndarray) -> dict[str, list]:
            return read_words(crop, "eng", SEGMENTATION_MODE, 30)

        fixed = reread_totals_block(page_of(words), gray, read_block)
        assert "1,500.00" in fixed.text and "91,500.00" not in fixed.text
