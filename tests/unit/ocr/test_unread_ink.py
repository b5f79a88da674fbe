"""Lines of ink a photo's page read left out: which bands are read again, and how the new reading is
merged (a sure word fills a gap or replaces shorter words it lies on)."""

from __future__ import annotations

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord
from invoiceme_ocr.unread_ink import band_words, merged_words, unread_bands, with_band_rereads


def word(
    text: str, left: int, top: int = 100, width: int = 40, confidence: float = 0.9, line: int = 0
) -> OcrWord:
    return OcrWord(text=text, left=left, top=top, width=width, height=10, confidence=confidence, line=line)


class TestUnreadBands:
    def test_a_line_read_whole_is_no_band(self) -> None:
        words = [word("VAT", 10), word("Reg.", 55), word("No.", 100), word("527958409", 145, width=60)]
        assert unread_bands(words, [(10, 100, 195, 10)], 1000) == []

    def test_a_line_read_in_part_is_a_band_with_a_margin(self) -> None:
        words = [word("VAT", 10), word("Reg.", 55)]
        assert unread_bands(words, [(10, 100, 400, 10)], 1000) == [(94, 116)]

    def test_thin_ink_is_no_text_line(self) -> None:
        assert unread_bands([], [(10, 100, 400, 3)], 1000) == []

    def test_neighbouring_bands_merge(self) -> None:
        assert unread_bands([], [(10, 100, 400, 10), (10, 115, 400, 10)], 1000) == [(94, 131)]


class TestMerge:
    def test_a_longer_sure_word_replaces_the_shorter_it_lies_on(self) -> None:
        kept, taken = merged_words([word("527:", 145, width=20)], [word("527958409", 145, width=60)])
        assert kept == [] and [w.text for w in taken] == ["527958409"]

    def test_a_gap_is_filled_and_a_shorter_reading_is_not_taken(self) -> None:
        old = [word("Manchester", 10, width=60)]
        kept, taken = merged_words(old, [word("Manch", 10, width=60), word("7420", 300)])
        assert kept == old and [w.text for w in taken] == ["7420"]

    def test_unsure_words_are_not_taken(self) -> None:
        assert merged_words([], [word("x7", 10, confidence=0.4)]) == ([], [])

    def test_page_rebuilt_with_new_lines(self) -> None:
        old = [word("Total", 10, top=20), word("VAT", 10), word("527:", 145, width=20, line=1)]
        page = OcrPage(
            number=1,
            text="Total\nVAT 527:",
            method="ocr",
            confidence=0.9,
            words=old,
            lines=[OcrLine("Total", 10, 20, 40, 10, 0.9), OcrLine("VAT 527:", 10, 100, 155, 10, 0.9)],
        )
        new = [word("527958409", 145, width=60, confidence=0.95)]
        rebuilt = with_band_rereads(page, [(90, 120)], [new])
        assert [w.text for w in rebuilt.words] == ["Total", "VAT", "527958409"]
        assert "re-read unread lines" in rebuilt.notes
        assert all(0 <= w.line < len(rebuilt.lines) for w in rebuilt.words)

    def test_nothing_taken_leaves_the_page(self) -> None:
        page = OcrPage(number=1, text="", method="ocr", confidence=0.9)
        assert with_band_rereads(page, [(0, 10)], [[]]) is page


class TestBandWords:
    def test_page_rows_and_band_lines(self) -> None:
        data = {
            "text": ["VAT", "", "527958409"],
            "conf": [91, -1, 88],
            "left": [10, 0, 145],
            "top": [5, 0, 5],
            "width": [30, 0, 60],
            "height": [10, 0, 10],
            "block_num": [1, 1, 1],
            "par_num": [1, 1, 1],
            "line_num": [1, 1, 1],
        }
        words = band_words(data, 200)
        assert [(w.text, w.top, w.line) for w in words] == [("VAT", 205, 0), ("527958409", 205, 0)]
