"""The extractor's speed-ups of issue 15 (perf15) answer as the plain code they replaced: cheap bounds
asked before difflib's ratio, a name checked once before every cell, the first strongest match."""

from __future__ import annotations

import difflib

from invoiceme_extractor.rules import damaged_titles
from invoiceme_extractor.rules.damaged_titles import misread_title
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.name_copies import hebrew_copy_of_debris
from invoiceme_extractor.rules.rate_repair import _best

TEXTS = [
    "חשבע עסקה",
    "חשבון עסקה",
    "חשבונית מס קבלה",
    "Tax lnvoice",
    "TAX INV0ICE",
    "Rechnunq",
    "Quittunq",
    "Factura simpliflcada",
    "Acme Trading Ltd",
    "Invoice No. 4521",
    "Sales Receipt",
    "ticket de caise",
    "",
    "x",
    "Rhein Software GmbH · Hauptstr. 4",
]


def _plain_misread_title(text: str) -> bool:
    """misread_title as it was before the fast path (6afa359)."""
    seen = " ".join(text.casefold().replace("-", " ").split())
    return any(
        len(title) >= 8 and difflib.SequenceMatcher(None, seen, title.replace("-", " ")).ratio() >= 0.8
        for _, names in damaged_titles._TITLES
        for title in names
    )


def test_misread_title_answers_as_the_plain_ratio() -> None:
    answers = {text: misread_title(text) for text in TEXTS}
    assert answers == {text: _plain_misread_title(text) for text in TEXTS}
    assert answers["חשבע עסקה"] and answers["Tax lnvoice"] and not answers["Acme Trading Ltd"]


class TestHebrewCopyOfDebris:
    def test_a_hebrew_copy_of_a_name_with_debris(self) -> None:
        assert hebrew_copy_of_debris("AAI הנדסה Nya", "נגה הנדסה בעמ")

    def test_names_that_no_copy_can_replace(self) -> None:
        assert not hebrew_copy_of_debris("Acme Ltd", "נגה הנדסה")  # all debris
        assert not hebrew_copy_of_debris("נגה הנדסה", "נגה הנדסה")  # no debris
        assert not hebrew_copy_of_debris("Rhein Software AG", "נגה הנדסה בעמ")  # a Latin word, not debris

    def test_the_copy_must_match_word_for_word(self) -> None:
        assert not hebrew_copy_of_debris("AAI הנדסה Nya", "נגה הנדסה")  # a word short
        assert not hebrew_copy_of_debris("AAI הנדסה Nya", "נגה מזון בעמ")  # another Hebrew word


class TestBest:
    """The first of the strongest matches, as max() picked it; a text layer's amounts match only
    exactly."""

    line = Line("", 1, 0)  # no cells: may have been OCR'd

    def test_first_of_the_strongest(self) -> None:
        first, second = (100.0, "100.00", self.line), (100.0, "100,00", self.line)
        assert _best(10000, [(7.0, "7.00", self.line), first, second]) == (2, first)

    def test_a_weak_match_when_none_is_exact(self) -> None:
        near = (12345.67, "12345.67", self.line)
        assert _best(1234568, [(1.0, "1.00", self.line), near]) == (1, near)

    def test_none(self) -> None:
        assert _best(10000, [(7.0, "7.00", self.line)]) == (0, None)
        assert _best(10000, []) == (0, None)
