"""Long numbers on photos read again enlarged with `eng`: a re-read replaces a word only when it is
one number of the same shape, read surer; the decision on words, and the re-read through Tesseract."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from invoiceme_common.events import OcrLine, OcrPage, OcrWord
from invoiceme_ocr import long_numbers
from invoiceme_ocr.digits import Reading, Region
from invoiceme_ocr.engine import OcrOptions
from invoiceme_ocr.page_rereads import reread
from tests.support import synthetic_pages as synthetic

PRINTED = "531200517"


def _word(text: str, confidence: float, left: int = 100, top: int = 40, width: int = 80) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=14, confidence=confidence, line=0)


def _page(words: list[OcrWord]) -> OcrPage:
    line = OcrLine(text=" ".join(w.text for w in words), left=0, top=0, width=1, height=1, confidence=0.8)
    return OcrPage(
        number=1,
        text=line.text,
        method="ocr",
        confidence=0.8,
        width=400,
        height=100,
        words=words,
        lines=[line],
    )


class TestWhichWordsAreReadAgain:
    """Numbers of six digits or more, read less than surely; nothing else."""

    def test_doubtful_long_numbers(self) -> None:
        assert long_numbers.looks_doubtful(_word("631200617", 0.7))
        assert long_numbers.looks_doubtful(_word("04-6362731", 0.82))
        assert long_numbers.looks_doubtful(_word("2334.21", 0.59))

    def test_sure_short_or_not_numbers(self) -> None:
        assert not long_numbers.looks_doubtful(_word("631200617", 0.95))
        assert not long_numbers.looks_doubtful(_word("12.50", 0.3))
        assert not long_numbers.looks_doubtful(_word("$12261827", 0.6))  # a sign: not ours to judge
        assert not long_numbers.looks_doubtful(_word("INV-2024", 0.3))

    def test_regions_are_the_words_boxes_with_a_margin(self) -> None:
        regions = long_numbers.suspect_regions([_word("sure", 0.9), _word("631200617", 0.7)], 400, 100)
        assert regions == [Region(1, 96, 36, 184, 58)]


class TestALostLetterPrefix:
    """A re-read of the same digits behind a capital prefix the first read dropped is taken, if surer."""

    def test_prefix_read_surer_is_taken(self) -> None:
        assert long_numbers.better_reading(_word("350118", 0.88), Reading("A350118", 0.92)) == "A350118"
        assert long_numbers.better_reading(_word("4021", 0.5), Reading("INV-4021", 0.9)) is None  # short
        assert long_numbers.better_reading(_word("402155", 0.5), Reading("INV-402155", 0.9)) == "INV-402155"

    def test_prefix_refused(self) -> None:
        less_sure, rule_as_i = Reading("A350118", 0.8), Reading("I350118", 0.9)
        other_digits = Reading("A350119", 0.9)
        assert long_numbers.better_reading(_word("350118", 0.88), less_sure) is None
        assert long_numbers.better_reading(_word("350118", 0.5), rule_as_i) is None
        assert long_numbers.better_reading(_word("350118", 0.5), other_digits) is None
        assert long_numbers.better_reading(_word("350118", 0.5), Reading("a350118", 0.9)) is None
        assert long_numbers.better_reading(_word("16-06-2024", 0.5), Reading("D16-06-2024", 0.9)) is None
        valid_id = _word(PRINTED, 0.5)
        assert long_numbers.better_reading(valid_id, Reading("A" + PRINTED, 0.9), israeli=True) is None


class TestAFirstLetterReadAsADigit:
    """A re-read whose first character is a capital the first read took for a digit like it ('B952251'
    read as '8952251'), the rest the same, is taken if surer."""

    def test_letter_read_surer_is_taken(self) -> None:
        assert long_numbers.better_reading(_word("8952251", 0.3), Reading("B952251", 0.95)) == "B952251"
        assert long_numbers.better_reading(_word("5298048", 0.6), Reading("S298048", 0.9)) == "S298048"

    def test_letter_refused(self) -> None:
        assert long_numbers.better_reading(_word("8952251", 0.9), Reading("B952251", 0.85)) is None
        assert long_numbers.better_reading(_word("8952251", 0.3), Reading("X952251", 0.95)) is None
        assert long_numbers.better_reading(_word("8952251", 0.3), Reading("B952257", 0.95)) is None
        assert long_numbers.better_reading(_word("8952251", 0.3), Reading("b952251", 0.95)) is None
        assert long_numbers.better_reading(_word("08-06-2024", 0.3), Reading("D8-06-2024", 0.95)) is None
        assert long_numbers.better_reading(_word(PRINTED, 0.5), Reading("S" + PRINTED[1:], 0.9), True) is None


class TestWhenAReReadReplacesAWord:
    """Same length, digits and separators in the same places, and surer than the first reading."""

    def test_surer_same_shape_replaces(self) -> None:
        assert long_numbers.better_reading(_word("631200617", 0.7), Reading("531200517", 0.82)) == PRINTED

    def test_less_sure_other_shape_or_split_is_refused(self) -> None:
        word = _word("631200617", 0.7)
        assert long_numbers.better_reading(word, Reading("531200517", 0.6)) is None
        assert long_numbers.better_reading(word, Reading("5312005170", 0.9)) is None
        assert long_numbers.better_reading(word, Reading("531 200517", 0.9)) is None
        assert long_numbers.better_reading(_word("04-6362731", 0.7), Reading("0416362731", 0.9)) is None

    def test_page_is_rebuilt_with_a_note(self) -> None:
        page = _page([_word("עוסק", 0.9, left=200), _word("631200617", 0.7)])
        regions = long_numbers.suspect_regions(page.words, 400, 100)
        fixed = long_numbers.apply_rereads(page, regions, [Reading(PRINTED, 0.9)])
        assert fixed.words[1].text == PRINTED and PRINTED in fixed.text
        assert "re-read long numbers" in fixed.notes
        assert long_numbers.apply_rereads(page, regions, [Reading("?", 0.1)]) is page


class TestChecksSayWhichReadingIsRight:
    """A 9-digit id's check digit (on Hebrew pages) and the calendar judge a reading whatever its
    confidence: a failing reading is read again, and a passing re-read wins over it."""

    def test_check_digit_and_calendar(self) -> None:
        assert long_numbers.passes_check_digit("534552856")
        assert not long_numbers.passes_check_digit("554552856")  # one digit misread
        assert long_numbers.plausible("51-649956-3", israeli=True) is True
        assert long_numbers.plausible("554552856", israeli=True) is False
        assert long_numbers.plausible("536-653-249", israeli=True) is True  # an id printed in threes
        assert long_numbers.plausible("536-653-248", israeli=True) is False
        assert long_numbers.plausible("554552856", israeli=False) is None  # not an Israeli page
        assert long_numbers.plausible("16-06-2024", israeli=False) is True
        assert long_numbers.plausible("03/25/2024", israeli=False) is True  # month first
        assert long_numbers.plausible("08.19.25", israeli=True) is False  # Israeli dates are day first
        assert long_numbers.plausible("10-00-2024", israeli=False) is False
        assert long_numbers.plausible("32.01.25", israeli=False) is False
        assert long_numbers.plausible("16-06-2924", israeli=False) is False
        assert long_numbers.plausible("2024-1548", israeli=True) is None

    def test_sure_reading_that_fails_its_check_is_doubtful(self) -> None:
        assert long_numbers.looks_doubtful(_word("554552856", 0.93), 0.0, israeli=True)
        assert not long_numbers.looks_doubtful(_word("534552856", 0.93), 0.0, israeli=True)
        assert not long_numbers.looks_doubtful(_word("554552856", 0.93), 0.0, israeli=False)
        assert long_numbers.looks_doubtful(_word('10-00-2024"', 0.95), 0.0)
        assert not long_numbers.looks_doubtful(_word("12.10.2025[", 0.42), 0.0)

    def test_passing_reread_wins_even_less_sure(self) -> None:
        word = _word("554552856", 0.93)
        assert long_numbers.better_reading(word, Reading("534552856", 0.8), israeli=True) == "534552856"
        assert long_numbers.better_reading(word, Reading("534552856", 0.8), israeli=False) is None
        date = _word('10-00-2024"', 0.43)
        assert long_numbers.better_reading(date, Reading("16-06-2024", 0.4)) == '16-06-2024"'

    def test_passing_reading_is_kept_against_a_surer_failing_one(self) -> None:
        word = _word("534552856", 0.6)
        assert long_numbers.better_reading(word, Reading("554552856", 0.95), israeli=True) is None
        assert long_numbers.better_reading(_word("16-06-2024", 0.5), Reading("16-00-2024", 0.9)) is None

    def test_marks_stuck_to_a_number_stay_and_signs_are_not_marks(self) -> None:
        assert long_numbers.better_reading(_word("12.10.2025[", 0.42), Reading("12.09.2025", 0.9)) == (
            "12.09.2025["
        )
        assert long_numbers.number_in("$12261827") is None


class TestWhichAreReadAlone:
    """After the stack, a number read alone is one that still fails its check and whose re-read in
    the stack disagreed without replacing it; a stable reading (the same twice) is left as printed."""

    def test_disagreeing_refused_failing_read_alone(self) -> None:
        words = [
            _word('10-00-2024"', 0.43),
            _word("025555493", 0.93, top=60),
            _word("554552856", 0.9, top=80),
        ]
        regions = long_numbers.suspect_regions(words, 400, 100, 0.0, israeli=True)
        rereads = [Reading("160-060-2024", 0.41), Reading("025555493", 0.95), Reading("534552856", 0.96)]
        fixed = long_numbers.apply_rereads(_page(words), regions, rereads, israeli=True).words
        assert fixed[2].text == "534552856"
        alone = long_numbers.worth_reading_alone(words, regions, rereads, fixed, israeli=True)
        assert [region.word_index for region in alone] == [0]

    def test_a_stack_of_one_is_not_read_again(self) -> None:
        words = [_word('10-00-2024"', 0.43)]
        regions = long_numbers.suspect_regions(words, 400, 100, 0.0)
        rereads = [Reading("160-060-2024", 0.41)]
        assert long_numbers.worth_reading_alone(words, regions, rereads, words, israeli=False) == []


class TestThroughTesseract:
    """A misread id over tiny, noisy printed digits (~7 px, as on a far photo) is read again
    enlarged, as printed; at its own size the same re-read gets a digit wrong."""

    def test_small_print_is_read_again_as_printed(self) -> None:
        image = Image.new("L", (400, 100), 240)
        ImageDraw.Draw(image).text(
            (100, 40), PRINTED, font=ImageFont.truetype(synthetic.FONT_PATH, 9), fill=60
        )
        noise = np.random.default_rng(3).normal(0, 6, (100, 400))
        gray = (np.asarray(image, dtype=np.float64) + noise).clip(0, 255).astype(np.uint8)
        page = _page([_word("631200617", 0.5, left=100, top=40, width=60)])
        find, apply = long_numbers.suspect_regions, long_numbers.apply_rereads
        mode = long_numbers.SEGMENTATION_MODE
        again = reread(page, gray, find, apply, "eng", mode, OcrOptions(), long_numbers.ENLARGE)
        assert again.words[0].text == PRINTED
        as_it_is = reread(page, gray, find, apply, "eng", mode, OcrOptions(), 1.0)
        assert as_it_is.words[0].text != PRINTED
