"""A dollar sign glued to a lower-case letter ('$u socio de confianza', a word's S) is no currency
mark: it does not outweigh the code printed beside the total."""

from __future__ import annotations

from invoiceme_extractor.rules.currency_noise import without_invented_marks


class TestDollarForSInWords:
    def test_a_dollar_before_a_letter_is_an_s(self) -> None:
        assert without_invented_marks("$u socio de confianza", "es") == "Su socio de confianza"

    def test_a_dollar_before_an_amount_or_a_code_stays(self) -> None:
        assert without_invented_marks("Total $72.20", "en") == "Total $72.20"
        assert without_invented_marks("$USD 12.00", "en") == "$USD 12.00"
