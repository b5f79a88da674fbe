"""Latin look-alikes of Hebrew words (n"w for ש"ח) are found and replaced by a Hebrew re-read."""

from __future__ import annotations

from invoiceme_ocr import lookalikes
from invoiceme_ocr.digits import Reading

from .test_digits import _page, _word


class TestLooksLikeHebrewMisread:
    """Short, mostly lower-case Latin words are suspects; numbers, quantities and names are not."""

    def test_abbreviations_misread(self) -> None:
        for text in ('n"w', 'n"yn', ".9.n", "nw", "non", "Jay"):
            assert lookalikes.looks_like_hebrew_misread(_word(text, 0, 40)), text

    def test_not_suspects(self) -> None:
        for text in ("VAT", "NIS", "Microsoft", "x", "1x", "x10", "12a34", 'ש"ח', "42.00", "n"):
            assert not lookalikes.looks_like_hebrew_misread(_word(text, 0, 40)), text


class TestSuspectRegions:
    """Only on pages where Hebrew words are at least as many as Latin ones."""

    def test_hebrew_page(self) -> None:
        words = [_word("לתשלום", 500, 95), _word("42.00", 300, 60), _word('n"w', 200, 40)]
        [region] = lookalikes.suspect_regions(words, 1000, 500)
        assert region.word_index == 2
        assert (region.left, region.top, region.right, region.bottom) == (190, 90, 250, 130)

    def test_english_page_untouched(self) -> None:
        words = [_word("Total", 500, 95), _word("due", 400, 60), _word("on", 300, 40), _word("שלום", 0, 40)]
        assert lookalikes.suspect_regions(words, 1000, 500) == []


class TestCapitalsAmongHebrew:
    """Two to four Latin capitals among Hebrew words of a line ('WN סחר בעמ' for 'אור סחר בעמ', a
    name in light print on a coloured band) are read again; capitals among English words are not."""

    def test_capitals_on_a_hebrew_line(self) -> None:
        words = [_word("WN", 600, 60), _word("סחר", 500, 60), _word("בעמ", 400, 60)]
        assert lookalikes.capitals_among_hebrew(words, 0)
        [region] = lookalikes.suspect_regions(words, 1000, 500)
        assert region.word_index == 0

    def test_capitals_elsewhere(self) -> None:
        english = [_word("Summit", 600, 60), _word("Consulting", 500, 60), _word("LTD", 400, 60)]
        assert not lookalikes.capitals_among_hebrew(english, 2)
        beside_english = [_word("מדפסת", 600, 60), _word("HP", 500, 60), _word("LaserJet", 400, 60)]
        assert not lookalikes.capitals_among_hebrew(beside_english, 1)
        alone = [_word("VAT", 600, 60), _word("שלום", 500, 60, line=1)]
        assert not lookalikes.capitals_among_hebrew(alone, 0)
        assert not lookalikes.capitals_among_hebrew([_word("ABCDE", 600, 60), _word("שלום", 500, 60)], 0)
        amount = [_word("לתשלום", 600, 60), _word("USD", 500, 60), _word("22,238.31", 400, 60)]
        assert not lookalikes.capitals_among_hebrew(amount, 1)


class TestHebrewReading:
    """Abbreviation look-alikes take a fairly sure Hebrew re-read; plain words need a surer one."""

    def test_vowelless_garble_replaced_by_a_fairly_sure_reread(self) -> None:
        assert lookalikes.hebrew_reading(_word(".9.n", 0, 30), Reading("ח.פ.", 0.64)) == "ח.פ."

    def test_doubtful_reread_refused(self) -> None:
        assert lookalikes.hebrew_reading(_word('n"w', 0, 30), Reading('ש"ח', 0.42)) is None

    def test_plain_word_needs_a_reread_surer_than_itself(self) -> None:
        assert lookalikes.hebrew_reading(_word("mm", 0, 30), Reading("וחח", 0.72)) is None  # 0.95 before
        assert (
            lookalikes.hebrew_reading(
                _word("wy", 0, 30).model_copy(update={"confidence": 0.58}), Reading("ציוד", 0.91)
            )
            == "ציוד"
        )

    def test_word_with_vowel_needs_a_confident_reread(self) -> None:
        old = _word("non", 0, 49)  # confidence 0.95 in these tests
        assert lookalikes.hebrew_reading(old, Reading("מסמך", 0.9)) is None
        assert (
            lookalikes.hebrew_reading(old.model_copy(update={"confidence": 0.6}), Reading("מסמך", 0.9))
            == "מסמך"
        )

    def test_refuses_non_hebrew_several_words_or_new_digits(self) -> None:
        old = _word('n"w', 0, 40)
        assert lookalikes.hebrew_reading(old, Reading("nw", 0.9)) is None
        assert lookalikes.hebrew_reading(old, Reading('ש"ח 12', 0.9)) is None
        assert lookalikes.hebrew_reading(old, Reading('ש"ח7', 0.9)) is None


def test_apply_rereads_replaces_and_notes() -> None:
    words = [_word('סה"כ', 500, 60), _word("42.00", 300, 60), _word('n"w', 200, 40)]
    page = _page(words)
    regions = lookalikes.suspect_regions(words, 1000, 500)
    fixed = lookalikes.apply_rereads(page, regions, [Reading('ש"ח', 0.9)])
    assert fixed.text == 'סה"כ 42.00 ש"ח'
    assert fixed.notes == ["re-read Latin look-alikes as Hebrew"]
    assert lookalikes.apply_rereads(page, regions, [Reading("", 0.0)]) is page
