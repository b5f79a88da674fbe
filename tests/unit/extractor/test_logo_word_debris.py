"""A logo's word in capitals that OCR read with debris after it ('LUMIERE re', 'ORION —'), or whose
footer copy has its 'ñ' read as 'fi' ('Montafia' for the logo's 'MONTAÑA'): the footer's name,
whose first word spells the logo's, is still the issuer's name written out."""

from __future__ import annotations

from invoiceme_extractor.rules.full_names import spelled_out
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.logo_words import folded_misreads, logo_word


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


def _spelled(logo: str, *rest: str) -> str | None:
    lines = _lines(logo, *rest)
    found = spelled_out(Found(logo, logo, lines[0], 0.9), lines)
    return found.value if found else None


class TestLogoWordWithDebris:
    def test_capitals_then_a_dash_or_two_small_letters(self) -> None:
        assert logo_word("ORION —") == "ORION"
        assert logo_word("LUMIERE re") == "LUMIERE"

    def test_a_name_of_words_is_no_logo(self) -> None:
        assert logo_word("Orion Foods") is None
        assert logo_word("ACME Trading") is None

    def test_the_footers_name_replaces_the_logo_and_its_debris(self) -> None:
        footer = "Lumiére Conseil SAS"
        assert _spelled("LUMIERE re", "Facturé à", "Martin Bâtiment SA", footer) == footer
        assert _spelled("ORION —", "Bill-to:", "Orion Foods Group | TIN 51-145565-1") == "Orion Foods Group"

    def test_a_footer_of_another_name_is_not_taken(self) -> None:
        assert _spelled("ORION —", "Bill-to:", "Atlas Foods Group") == "ORION —"


class TestNTildeReadAsFi:
    def test_fi_folds_to_n(self) -> None:
        assert folded_misreads("montafia") == folded_misreads("montana")

    def test_the_footer_with_fi_spells_the_logo(self) -> None:
        footer = "Montafia Logistica SL"
        assert _spelled("MONTANA", "Para", f"{footer} | Avenida de la Constitución 35") == footer

    def test_other_letters_still_differ(self) -> None:
        assert _spelled("MONTANA", "Para", "Montaro Logistica SL") == "MONTANA"


def test_a_logo_graphic_read_as_a_copyright_sign() -> None:
    assert logo_word("BLUE ©") == "BLUE"
    assert _spelled("BLUE ©", "Invoice Ref. 74100", "Blue & Cedar Limited") == "Blue & Cedar Limited"


class TestLogoWordSplitInCapitals:
    """A logo's one word OCR split where its letters are spaced ('G RANITE', 'NORD LICHT'): the
    footer's name whose first word spells it whole is the name written out; a header of two real
    words in capitals is not cut to a footer that only begins with them."""

    def test_the_footer_word_that_spells_the_split_logo(self) -> None:
        footer = "Granite Consulting Limited"
        assert (
            _spelled("G RANITE", "Billed To", "Summit Logistics", f"{footer} | 148 Main St., Manchester")
            == footer
        )
        footer = "Nordlicht Handel GmbH & Co. KG"
        assert _spelled("NORD LICHT", "Auftraggeber:", f"{footer} | USt-ID-Nr. DE423749598") == footer

    def test_two_words_are_not_one_split(self) -> None:
        assert _spelled("NORTH SYSTEMS", "Bill To", "North Systems Trading Ltd") == "NORTH SYSTEMS"
