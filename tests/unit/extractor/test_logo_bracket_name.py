"""A logo beside the issuer's name read as an opening bracket and a letter ('(a Falken Technik e.K.'):
the name is what follows; a bracket the name closes stays part of it."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.name_text import LOGO_BRACKET

PAGE = (
    "{first}\n\\_/ _Industriestraße 101, 70348 München Bhain Service UG\n"
    "Telefon 08-7615976 Industriestraße 122, 79086 Hamburg\nUSt-IdNr.: DE506584771\n"
    "GUTSCHRIFT 2024-2070\nSumme -20862,69 €"
)


@pytest.mark.parametrize(
    "first", ["(a Falken Technik e.K. An:", "(a Falken Technik e.K.", "[ Falken Technik e.K."]
)
def test_the_name_after_a_logo_read_as_a_bracket(first: str) -> None:
    assert extract_with_rules([(1, PAGE.format(first=first))]).vendor_name == "Falken Technik e.K"


@pytest.mark.parametrize("name", ["(M) SDN BHD", "(Pty) Ltd", "(a b) Holdings", "(LLP0007299-LGN)"])
def test_a_bracket_the_name_closes_is_kept(name: str) -> None:
    assert LOGO_BRACKET.sub("", name) == name
