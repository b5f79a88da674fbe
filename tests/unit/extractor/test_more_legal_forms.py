"""Legal forms of more countries mark a company's name as surely as 'GmbH' or 'Ltd' do: Italian
S.p.A., Indian Pvt., Singapore Pte, Australian Pty, LLP, Belgian BVBA, Dutch V.O.F., Polish
Sp. z o.o., Czech s.r.o., Hungarian Kft., Danish A/S, Finnish Oy, Portuguese Lda, Swiss Sàrl."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.parties import find_vendor_name


class TestMoreLegalForms:
    @pytest.mark.parametrize(
        "name",
        [
            "Rossi Forniture S.p.A.",
            "Kestrel Retail Pvt",
            "Harbour Trading Pte",
            "Southern Cross Pty",
            "Baker Lane LLP",
            "Maes Bouw BVBA",
            "Jansen en Zn V.O.F.",
            "Nowak Sp. z o.o.",
            "Novak Stavby s.r.o.",
            "Duna Szerviz Kft.",
            "Nordhavn A/S",
            "Lahti Tekniikka Oy",
            "Costa Materiais Lda",
            "Atelier Léman Sàrl",
        ],
    )
    def test_the_form_is_a_legal_suffix(self, name: str) -> None:
        assert party_labels.COMPANY_SUFFIX.search(name)

    def test_the_legal_name_outranks_a_name_above_it(self) -> None:
        lines = [
            Line("Servizi Generali", 1, 0),
            Line("Rossi Forniture S.p.A.", 1, 1),
            Line("Via Roma 12", 1, 2),
        ]
        found = find_vendor_name(lines, None)
        assert found is not None and found.value.startswith("Rossi Forniture")
