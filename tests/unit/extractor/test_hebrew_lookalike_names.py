"""The issuer's name in a logo or large print with a Hebrew letter OCR read as its look-alike (כ/ב,
ד/ר): it still matches the footer's copy of the name, so it counts as printed twice, and a logo's
letters are still spelled out by the footer's full name."""

from __future__ import annotations

from invoiceme_extractor.rules.full_names import spelled_out
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.name_signs import compact, fold_lookalikes, repeated_elsewhere


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestLookalikeLetters:
    def test_kaf_and_bet_fold_alike(self) -> None:
        assert fold_lookalikes("ברמל") == fold_lookalikes("כרמל")

    def test_other_letters_stay_apart(self) -> None:
        assert fold_lookalikes("גל") != fold_lookalikes("אל")


class TestRepeatedWithALetterMisread:
    def test_the_footers_copy_counts_despite_a_lookalike(self) -> None:
        lines = _lines("ברמל שירותים", 'גל טכנולוגיות בע"מ', "כרמל שירותים - שדרות רוטשילד 111")
        assert repeated_elsewhere(compact("ברמל שירותים"), 0, lines)

    def test_a_name_printed_once_is_not_repeated(self) -> None:
        lines = _lines("ברמל שירותים", 'גל טכנולוגיות בע"מ', "אור סחר - שדרות רוטשילד 111")
        assert not repeated_elsewhere(compact("גל טכנולוגיות"), 1, lines)


class TestLogoSpelledOutDespiteALookalike:
    def test_the_footers_full_name_replaces_the_logos_letters(self) -> None:
        lines = _lines("ה רר", "מזמין", "כרמל מזון", "הדר בנייה ושות' | מס' חברה 530426980")
        logo = Found("ה רר", "ה רר", lines[0], 0.87)
        named = spelled_out(logo, lines)
        assert named is not None and named.value == "הדר בנייה ושות'"
