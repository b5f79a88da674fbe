"""A signed row with no separator printed ('אלון שירותים בעמ רחוב העצמאות 133 ירושלים 09-8521339'):
the company's legal form ends its name and the address goes on, so the name is read apart."""

from __future__ import annotations

from invoiceme_extractor.rules.contact_words import STREET
from invoiceme_extractor.rules.name_text import row_parts


def _is_contact(text: str) -> bool:
    return bool(STREET.search(text))


def test_the_legal_form_ends_the_name() -> None:
    row = "אלון שירותים בעמ רחוב העצמאות 133 ירושלים 09-8521339"
    assert row_parts(row, _is_contact) == ["אלון שירותים בעמ", "רחוב העצמאות 133 ירושלים 09-8521339"]


def test_a_name_alone_or_words_after_it_stay_whole() -> None:
    assert row_parts("אלון שירותים בעמ", _is_contact) == ["אלון שירותים בעמ"]
    assert row_parts("Blue Works Ltd Consulting Group", _is_contact) == ["Blue Works Ltd Consulting Group"]
