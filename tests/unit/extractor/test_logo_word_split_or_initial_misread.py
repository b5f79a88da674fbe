"""A logo's word in capitals spelled out in the footer, as OCR damages either copy: the logo split at
a gap in its print ('GARC IA', a scan), or the footer's first letter misread and its S.A. read with a
dollar sign ('Sarcia Tecnologia $.A.', a photo). The footer's full name is the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules.full_names import spelled_out
from invoiceme_extractor.rules.lines import Found, Line

_FOOTER = "Garcia Tecnologia S.A. | Avenida de la Constitución 158, 95155 Barcelona"


def _named(logo: str, footer: str) -> str | None:
    lines = [Line(f"{logo} Factura", 1, 0), Line("Base imponible 3.690,86", 1, 1), Line(footer, 1, 2)]
    found = spelled_out(Found(logo, logo, lines[0], 0.85), lines)
    return found.value if found else None


class TestLogoWordSplitOrInitialMisread:
    def test_a_split_logo_word_is_spelled_out(self) -> None:
        assert _named("GARC IA", _FOOTER) == "Garcia Tecnologia S.A"

    def test_a_misread_initial_takes_the_logos(self) -> None:
        footer = "Sarcia Tecnologia $.A. | Avenida de la Constitución 158, 95155 Barcelona"
        assert _named("GARCIA", footer) == "Garcia Tecnologia S.A"

    def test_a_short_logo_needs_every_letter(self) -> None:
        assert _named("ORION", "Arion Consulting Ltd | 12 Main St") == "ORION"

    def test_two_words_of_capitals_are_one_logo_only_where_the_footer_spells_them_whole(self) -> None:
        # full_names._SPLIT_CAPITALS: 'ACME TOOLS' is the logo 'Acmetools' split; 'Acme Tools' is two words
        assert _named("ACME TOOLS", "Acmetools Services Ltd | 12 Main St") == "Acmetools Services Ltd"
        assert _named("ACME TOOLS", "Acme Tools Services Ltd | 12 Main St") == "ACME TOOLS"
