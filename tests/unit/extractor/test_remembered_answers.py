"""The extractor's speed-ups of issue 10 (speed17) answer as the plain code they replaced: answers
remembered per text, a count done in C, a page's words squashed once."""

from __future__ import annotations

import difflib
import re
from typing import Any, ClassVar

from invoiceme_common.ocr_pages import OcrWord, words_box
from invoiceme_extractor.evidence import _squash, locate
from invoiceme_extractor.rules import damaged_titles, party_labels, titles
from invoiceme_extractor.rules.amounts import amounts_in, money_in
from invoiceme_extractor.rules.dates import dates_in
from invoiceme_extractor.rules.geometry import label_matches
from invoiceme_extractor.rules.layout import Box, Cell
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.references import currency_cues
from invoiceme_extractor.text import HEBREW_LETTER, hebrew_ratio

TEXTS = [
    "",
    "12,345.00 ₪",
    "חשבונית מס 1234",
    'סה"כ לתשלום: 1,170.00 ש"ח',
    'Acme Ltd בע"מ',
    "Rechnung Nr. 5 vom 03.10.2018",
    "ךםןףץ final forms",
    "שָׁלוֹם niqqud marks are no letters",
]


def _plain_hebrew_ratio(text: str) -> float:
    """hebrew_ratio as it was before (7f2498d)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if HEBREW_LETTER.match(ch)) / len(letters) if letters else 0.0


def test_hebrew_ratio_answers_as_the_plain_count() -> None:
    assert [hebrew_ratio(text) for text in TEXTS] == [_plain_hebrew_ratio(text) for text in TEXTS]
    assert hebrew_ratio("חשבונית מס 1234") == 1.0 and hebrew_ratio("") == 0.0


class TestRememberedAnswers:
    """A remembered answer is a new list every time: a caller that changes it changes no one else's."""

    def test_amounts(self) -> None:
        first = amounts_in("Total 1,234.50 EUR")
        first.append((0.0, "changed"))
        assert amounts_in("Total 1,234.50 EUR") == [(1234.5, "1,234.50")]

    def test_money(self) -> None:
        first = money_in("Qty 2 Price 9.90")
        first.clear()
        assert money_in("Qty 2 Price 9.90") == [(9.9, "9.90")]

    def test_dates(self) -> None:
        first = dates_in("Date: 03/04/2025", month_first=True)
        first.clear()
        again = dates_in("Date: 03/04/2025", month_first=True)
        assert [found.value.isoformat() for found in again] == ["2025-03-04"]
        assert [found.value.isoformat() for found in dates_in("Date: 03/04/2025")] == ["2025-04-03"]


def _cell(text: str) -> Cell:
    return Cell(text, Box(0, 0, 10, 10), 10.0)


def _plain_label_matches(pattern: re.Pattern[str], line: Line) -> list[tuple[int, int]]:
    """label_matches as it was before, as (start, end) spans."""
    if not line.cells:
        return [match.span() for match in pattern.finditer(line.text)]
    found, start = [], 0
    for cell in line.cells:
        found += [match.span() for match in pattern.finditer(line.text, start, start + len(cell.text))]
        start += len(cell.text) + 1
    return found


class TestLabelMatches:
    pattern = re.compile(r"b c|ab")

    def test_a_match_stays_in_its_cell(self) -> None:
        line = Line("ab c ab", 1, 0, Box(0, 0, 10, 10), (_cell("ab"), _cell("c ab")))
        spans = [match.span() for match in label_matches(self.pattern, line)]
        assert spans == _plain_label_matches(self.pattern, line) == [(0, 2), (5, 7)]

    def test_same_text_other_cells(self) -> None:
        one_cell = Line("ab c ab", 1, 0, Box(0, 0, 10, 10), (_cell("ab c ab"),))
        spans = [match.span() for match in label_matches(re.compile("b c"), one_cell)]
        assert spans == _plain_label_matches(re.compile("b c"), one_cell) == [(1, 4)]
        two_cells = Line("ab c ab", 1, 0, Box(0, 0, 10, 10), (_cell("ab"), _cell("c ab")))
        assert label_matches(re.compile("b c"), two_cells) == []  # remembered per cell bounds, not text
        assert label_matches(party_labels.TAX_ID, Line("VAT No. 123", 1, 0))  # no cells: the whole line


def _word(text: str, left: int, line: int = 0) -> OcrWord:
    return OcrWord(text=text, left=left, top=0, width=10, height=10, confidence=1.0, line=line)


def _plain_locate(words: list[Any], raw: str) -> tuple[int, int, int, int] | None:
    """locate as it was before."""
    target = _squash(raw)
    if not target or not words:
        return None
    for start, first in enumerate(words):
        joined = ""
        for end in range(start, min(start + 8, len(words))):
            word = words[end]
            if word.line != first.line:
                break
            joined += _squash(word.text)
            if target in joined:
                left, top, right, bottom = words_box(words[start : end + 1])
                return left, top, right - left, bottom - top
            if not target.startswith(joined):
                break
    return None


def test_locate_answers_as_the_plain_search() -> None:
    words = [
        _word("Total", 0),
        _word(" ", 20),  # a blank word inside a run
        _word("1,234", 40),
        _word(".50", 60),
        _word("EUR", 80),
        _word("1,234.50", 0, line=1),
    ]
    for raw in ("1,234.50", "Total 1,234", "234", "EUR", ".50 EUR", "missing", "", "1,234.50 EUR Total"):
        assert locate(words, raw) == _plain_locate(words, raw), raw
        assert locate(words, raw, [_squash(word.text) for word in words]) == _plain_locate(words, raw)
    assert locate(words, "1,234.50") == (20, 0, 50, 10)  # the first run that spells it, blank word and all


def _plain_misread_type(text: str) -> str | None:
    """misread_type as it was before: a matcher for every long title."""
    seen = " ".join(damaged_titles._EDGE_MARKS.sub("", text.casefold()).replace("-", " ").split())
    best: tuple[float, str] | None = None
    for code, title in damaged_titles._LONG_TITLES:
        ratio = difflib.SequenceMatcher(None, seen, title).ratio()
        if ratio >= damaged_titles.NEAR_TITLE and (best is None or ratio > best[0]):
            best = (ratio, code)
    return best[1] if best else None


def test_misread_type_answers_as_every_matcher() -> None:
    texts = [
        "חשבע עסקה",
        "Tax lnvoice",
        "TAX INV0ICE RECEIPT",
        "Factura simpliflcada",
        "Acme Trading Ltd",
        "",
        "x",
    ]
    answers = [damaged_titles.misread_type(text) for text in texts]
    assert answers == [_plain_misread_type(text) for text in texts]
    assert answers[:2] == ["invoice", "tax_invoice"] and answers[4] is None


def test_label_matches_tell_flags_apart() -> None:
    line = Line("Invoice No 12", 1, 0)
    assert label_matches(re.compile("invoice"), line) == []
    assert [match.group(0) for match in label_matches(re.compile("invoice", re.I), line)] == ["Invoice"]


class TestPerDocumentAnswers:
    """Asked twice of the same lines (the field, then its alternatives): the same answer, each
    caller's own to change."""

    lines: ClassVar[list[Line]] = [
        Line("TAX INVOICE", 1, 0, Box(0, 0, 100, 30), (Cell("TAX INVOICE", Box(0, 0, 100, 30), 30.0),)),
        Line(
            "Total 1,234.50 EUR",
            1,
            1,
            Box(0, 40, 100, 50),
            (Cell("Total 1,234.50 EUR", Box(0, 40, 100, 50), 10.0),),
        ),
    ]

    def test_currency_cues(self) -> None:
        weights, first_seen = currency_cues(self.lines, "en")
        weights.clear()
        first_seen.clear()
        assert currency_cues(self.lines, "en") == ({"EUR": 2.0}, {"EUR": ("EUR", self.lines[1])})

    def test_title_cells(self) -> None:
        first = titles.title_cells(self.lines)
        first.clear()
        assert titles.title_cells(self.lines) == [(self.lines[0], 0, "tax_invoice")]
