"""A badge of the issuer's initials: read into the name's row it is cut off ('OS Orion Systems');
chosen alone as the name ('נמ') it gives way to the name that spells it out elsewhere."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Found, document_lines
from invoiceme_extractor.rules.monograms import name_of_monogram, without_monogram

from .wordbox import page


class TestWithoutMonogram:
    def test_initials_before_the_name_are_cut(self) -> None:
        assert without_monogram("OS Orion Systems") == "Orion Systems"
        assert without_monogram("HP Harbor Partners Inc.") == "Harbor Partners Inc."
        assert without_monogram('כה כרמל הנדסה בע"מ') == 'כרמל הנדסה בע"מ'

    def test_a_first_word_not_the_initials_stays(self) -> None:
        assert without_monogram("AB Volvo Trucks") == "AB Volvo Trucks"
        assert without_monogram("OS Orion Systems Street") == "OS Orion Systems Street"
        assert without_monogram("Orion Systems") == "Orion Systems"


class TestNameOfMonogram:
    def _lines(self) -> list:
        return document_lines(
            [
                page(
                    ("נמ", 2200, 225),
                    ("חשבונית מס", 300, 225),
                    ("נשמח לראותכם שוב", 1900, 1900),
                    ("נגה מזון | עוסק מורשה מס' 51-945124-9", 900, 3198),
                    rtl=True,
                )
            ]
        )

    def test_the_initials_give_way_to_the_name_spelled_out(self) -> None:
        lines = self._lines()
        logo = next(line for line in lines if line.cells[0].text == "נמ")
        found = name_of_monogram(Found("נמ", "נמ", logo, 0.78), lines)
        assert found is not None and found.value == "נגה מזון"

    def test_initials_nobody_spells_stay(self) -> None:
        lines = self._lines()
        logo = next(line for line in lines if line.cells[0].text == "נמ")
        found = name_of_monogram(Found("גל", "גל", logo, 0.78), lines)
        assert found is not None and found.value == "גל"
