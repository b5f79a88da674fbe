"""Amounts the Hebrew model shortened are found by their too-wide boxes and re-read (no Tesseract run)."""

from __future__ import annotations

import numpy as np

from invoiceme_common.events import OcrLine, OcrPage, OcrWord
from invoiceme_ocr import digits


def _word(text: str, left: int, width: int, line: int = 0, top: int = 100, height: int = 20) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=height, confidence=0.95, line=line)


def _page(words: list[OcrWord]) -> OcrPage:
    lines = []
    for number in sorted({w.line for w in words}):
        members = [w for w in words if w.line == number]
        lines.append(
            OcrLine(text=" ".join(w.text for w in members), left=0, top=0, width=1, height=1, confidence=0.9)
        )
    return OcrPage(
        number=1,
        text="\n".join(line.text for line in lines),
        method="ocr",
        confidence=0.9,
        width=1000,
        height=500,
        words=words,
        lines=lines,
    )


class TestLooksShortened:
    """A box much wider than its text is the sign that digits were dropped."""

    def test_one_digit_in_a_box_for_six(self) -> None:
        assert digits.looks_shortened(_word("3", 500, 30))

    def test_two_of_seven_digits_missing(self) -> None:
        assert digits.looks_shortened(_word("117.07", 123, 132, height=23))  # printed 14,117.07

    def test_doubtful_number(self) -> None:
        assert digits.looks_shortened(_word("759.52", 137, 101).model_copy(update={"confidence": 0.25}))

    def test_normal_numbers_and_currency(self) -> None:
        assert not digits.looks_shortened(_word("3,793.74", 447, 109, height=21))
        assert not digits.looks_shortened(_word("1", 670, 11))
        assert not digits.looks_shortened(_word('ש"ח', 394, 43))

    def test_currency_word_swallowing_a_number(self) -> None:
        assert digits.looks_shortened(_word('ש"ח', 119, 104))

    def test_plain_words_never_suspect(self) -> None:
        assert not digits.looks_shortened(_word("לתשלום", 500, 400))


class TestSuspectRegions:
    """One region per shortened amount, reaching past its boxes but not into neighbouring words."""

    def test_amount_with_currency_gives_one_region(self) -> None:
        words = [_word("לתשלום", 571, 95), _word("4", 282, 49), _word('ש"ח', 119, 104)]
        [region] = digits.suspect_regions(words, 1000, 500)
        assert region.word_index == 1
        assert region.left == 79  # cluster starts at 119, reaches 2 line heights further
        assert region.right == 371  # 2 line heights past the "4"
        assert region.top == 95 and region.bottom == 125

    def test_reach_stops_before_a_neighbouring_word(self) -> None:
        words = [_word("לתשלום", 360, 95), _word("4", 282, 49), _word('ש"ח', 119, 104)]
        [region] = digits.suspect_regions(words, 1000, 500)
        assert region.right == 355  # a quarter line height before "לתשלום"

    def test_a_word_touching_the_amount_never_leaves_an_empty_crop(self) -> None:
        # "לתשלום" starts 2 px after the "4": the reach stops there, the "4" itself stays in the crop.
        words = [_word("לתשלום", 333, 95), _word("4", 282, 49), _word('ש"ח', 119, 104)]
        [region] = digits.suspect_regions(words, 1000, 500)
        assert region.left <= 119 and region.right >= 331 and region.right > region.left
        stacked, _ = digits.stack_crops(np.zeros((500, 1000), dtype=np.uint8), [region])
        assert stacked.shape[1] > 0

    def test_well_read_amounts_are_left_alone(self) -> None:
        words = [_word("Total", 600, 90), _word("3,793.74", 447, 109), _word('ש"ח', 394, 43)]
        assert digits.suspect_regions(words, 1000, 500) == []

    def test_far_apart_columns_are_separate_amounts(self) -> None:
        words = [_word('ש"ח', 394, 76), _word("3", 502, 29), _word("3", 226, 29), _word('ש"ח', 118, 66)]
        regions = digits.suspect_regions(words, 1000, 500)
        assert sorted(r.word_index for r in regions) == [1, 2]

    def test_in_a_row_of_numbers_only_the_too_wide_one_is_read_again_alone(self) -> None:
        # "Data backup 12 90.00 0": the last amount lost its digits, its neighbours did not.
        words = [_word("12", 100, 40), _word("90.00", 160, 80), _word("0", 260, 110)]
        [region] = digits.suspect_regions(words, 1000, 500)
        assert region.word_index == 2
        assert region.left > 160 + 80  # the crop leaves the neighbouring number out

    def test_lines_are_separate(self) -> None:
        words = [_word("4", 282, 49, line=0), _word("5", 290, 12, line=1, top=200)]
        assert [r.word_index for r in digits.suspect_regions(words, 1000, 500)] == [0]


class TestBetterNumber:
    """The re-read wins only when it is one longer number keeping the old digits in order."""

    def test_longer_number_replaces(self) -> None:
        assert digits.better_number("4", 'n"w 42,849.94') == "42,849.94"
        assert digits.better_number("6", "16") == "16"

    def test_keeps_sign_and_other_characters(self) -> None:
        assert digits.better_number("-3", "734.53") == "-734.53"
        assert digits.better_number("1,659.12₪.", "-1,659.12") is None
        assert digits.better_number("3₪.", "734.53") == "734.53₪."

    def test_a_broken_number_is_replaced_whole(self) -> None:
        assert digits.better_number("2/0", "2,290.09") == "2,290.09"

    def test_refuses_other_digits_or_no_gain(self) -> None:
        assert digits.better_number("7", "42,849.94") is None
        assert digits.better_number("42,849.94", "42,849.94") is None
        assert digits.better_number("4", "") is None

    def test_refuses_two_numbers(self) -> None:
        assert digits.better_number("4", "4 42,849.94") is None


def test_stack_and_split_round_trip() -> None:
    page = np.zeros((200, 300), dtype=np.uint8)
    regions = [digits.Region(0, 10, 10, 110, 40), digits.Region(1, 50, 100, 90, 150)]
    stacked, tops = digits.stack_crops(page, regions)
    assert tops == [24, 78] and stacked.shape == (24 + 30 + 24 + 50 + 24, 100 + 48)
    assert stacked[0, 0] == 255 and stacked[tops[1], digits.STACK_GAP] == 0
    data = {
        "text": ["42,849.94", 'n"w', "16", ""],
        "conf": [96, 80, 90, -1],
        "top": [30, 28, 90, 0],
        "height": [20, 20, 20, 0],
    }
    assert digits.readings_per_crop(data, tops, regions) == [
        digits.Reading('42,849.94 n"w', 0.8),
        digits.Reading("16", 0.9),
    ]


def test_apply_rereads_rebuilds_text_and_notes() -> None:
    words = [
        _word("לתשלום", 571, 95),
        _word("4", 282, 49),
        _word('ש"ח', 119, 104),
        _word("x", 10, 10, line=1),
    ]
    page = _page(words)
    regions = digits.suspect_regions(words, 1000, 500)
    fixed = digits.apply_rereads(page, regions, [digits.Reading('n"w 42,849.94', 0.9)])
    assert fixed.text == 'לתשלום 42,849.94 ש"ח\nx'
    assert fixed.words[1].text == "42,849.94" and fixed.notes == ["re-read amounts"]
    assert digits.apply_rereads(page, regions, [digits.Reading("nothing", 0.9)]) is page
