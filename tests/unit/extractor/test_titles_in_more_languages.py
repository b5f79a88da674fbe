"""Document titles in the languages the lexicon lacked (Dutch, Italian, Portuguese, Polish, the
Scandinavian ones): a title in large print over the issuer's name is no name ('FACTUUR.' over
'Noordwind B.V.'), and it names the document's type."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.parties import find_vendor_name
from invoiceme_extractor.rules.titles import type_of


class TestTitlesInMoreLanguages:
    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("FACTUUR", "invoice"),
            ("Fattura", "invoice"),
            ("Fatura", "invoice"),
            ("Faktura VAT", "invoice"),
            ("Creditnota", "credit_note"),
            ("Nota di credito", "credit_note"),
            ("Kvittering", "receipt"),
            ("Ricevuta", "receipt"),
        ],
    )
    def test_the_title_names_its_type(self, title: str, kind: str) -> None:
        named = type_of(title)
        assert named is not None and named[0] == kind

    def test_a_dutch_title_is_no_name(self) -> None:
        lines = [
            Line("FACTUUR.", 1, 0),
            Line("Noordwind B.V.", 1, 1),
            Line("Havenstraat 12", 1, 2),
            Line("3012 CN Rotterdam", 1, 3),
        ]
        found = find_vendor_name(lines, None)
        assert found is not None and found.value == "Noordwind B.V"

    def test_a_title_alone_names_no_one(self) -> None:
        assert find_vendor_name([Line("FACTUUR.", 1, 0), Line("Totaal 12,00", 1, 1)], None) is None
