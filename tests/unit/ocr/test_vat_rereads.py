"""VAT numbers that fail their check read again alone (`vat_rereads`): which words, and which
reading replaces them."""

from __future__ import annotations

import numpy as np

from invoiceme_common.ocr_pages import OcrLine, OcrPage, OcrWord
from invoiceme_ocr.vat_rereads import failing_runs, repaired_reading, reread_failing_vat


def word(text: str, left: int, line: int = 0, confidence: float = 0.8) -> OcrWord:
    return OcrWord(
        text=text, left=left, top=100, width=14 * len(text), height=20, confidence=confidence, line=line
    )


def picks(text: str, weights: dict[int, tuple[str, float]] | None = None) -> list[list[tuple[str, float]]]:
    """Symbol choices: each character picked at 0.9, with a second choice where `weights` says."""
    return [[(ch, 0.9), *([weights[i]] if weights and i in weights else [])] for i, ch in enumerate(text)]


class TestWhichWords:
    """Words shaped like a VAT number that fail its check; a country code and its number as one."""

    def test_failing_words(self) -> None:
        words = [word("USt-IdNr.", 0), word("DE178697499", 200), word("DE178607499", 500), word("2024", 800)]
        assert failing_runs(words) == [(1,)]  # the valid one and the year stay

    def test_a_code_and_its_number(self) -> None:
        assert failing_runs([word("GB", 0), word("145479251", 50)]) == [(0, 1)]
        assert failing_runs([word("GB", 0, line=0), word("145479251", 50, line=1)]) == []

    def test_a_damaged_prefix(self) -> None:
        assert failing_runs([word("1645990291F", 0)]) == [(0,)]
        assert failing_runs([word("514326784", 0)]) == []  # an Israeli id: no letters, not this one's


class TestWhichReading:
    """The pick when it passes; else one weighed choice that makes it pass; else nothing."""

    def test_the_pick_passes(self) -> None:
        assert repaired_reading(picks("DE178607499")) == ("DE178607499", 0.9)
        assert repaired_reading(picks("1E4599029F")) == ("IE4599029F", 0.9)

    def test_a_weighed_choice(self) -> None:
        assert repaired_reading(picks("FR12066352915", {3: ("3", 0.65)})) == ("FR13066352915", 0.65)
        assert repaired_reading(picks("FR12066352915", {3: ("3", 0.3)})) is None  # weighed too little

    def test_no_reading_passes(self) -> None:
        assert repaired_reading(picks("DE178697499")) is None


def test_the_page_takes_the_reading() -> None:
    words = [word("USt-IdNr.", 0), word("DE178697499", 200)]
    page = OcrPage(
        number=1,
        text="USt-IdNr. DE178697499",
        method="ocr",
        confidence=0.8,
        width=1000,
        height=400,
        words=words,
        lines=[OcrLine(text="USt-IdNr. DE178697499", left=0, top=100, width=354, height=20, confidence=0.8)],
    )
    gray = np.full((400, 1000), 255, np.uint8)
    gray[100:120, 200:354] = 60
    read = reread_failing_vat(page, gray, lambda crop: picks("DE178607499"))
    assert read.text == "USt-IdNr. DE178607499"
    assert reread_failing_vat(page, gray, lambda crop: picks("DE178697499")) is page
