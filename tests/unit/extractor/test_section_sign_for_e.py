"""A Spanish VAT number whose E OCR read as a section sign ('NIF/CIF §SA32865198' for ESA32865198,
a photo), as it reads it as £ or €: the country's prefix, before a Spanish number's shape only."""

from __future__ import annotations

from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id


class TestSectionSignForE:
    def test_the_sign_before_s_is_the_e_of_es(self) -> None:
        assert eu_vat_ids("NIF/CIF §SA32865198") == ["§SA32865198"]
        assert normalize_tax_id("§SA32865198") == "ESA32865198"

    def test_a_sign_before_digits_is_no_prefix(self) -> None:
        assert eu_vat_ids("Ref §538532") == []
