"""A bank row names the bank first and the account's holder after a dash ('BRED BANQUE POPULAIRE –
Titulaire du compte : MERIDIAN', 'Barclays Bank - Account holder: Meridian Ltd'): the holder is the
payee, the issuer."""

from __future__ import annotations

import pytest

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.name_copies import payee


class TestPayeeAfterBankName:
    @pytest.mark.parametrize(
        ("row", "holder"),
        [
            ("Virement BRED BANQUE POPULAIRE – Titulaire du compte : MERIDIAN", "MERIDIAN"),
            ("Barclays Bank - Account holder: Meridian Ltd", "Meridian Ltd"),
            ("Sparkasse Köln | Kontoinhaber: Nordlicht GmbH", "Nordlicht GmbH"),
        ],
    )
    def test_the_holder_after_the_bank(self, row: str, holder: str) -> None:
        found = payee([Line("Total 56,02 €", 1, 0), Line(row, 1, 1)])
        assert found is not None and found.value == holder

    def test_a_bank_row_without_a_holder_names_no_payee(self) -> None:
        assert payee([Line("Virement BRED BANQUE POPULAIRE – IBAN FR76 1010 7002", 1, 0)]) is None
