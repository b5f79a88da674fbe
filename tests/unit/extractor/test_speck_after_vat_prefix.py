"""A speck between an EU VAT number's country prefix and its digits read as '&' ('GB&831 2221 77'):
still the number, without the speck (or with it as the 8 it may be, when only that passes)."""

from __future__ import annotations

from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id


class TestSpeckAfterVatPrefix:
    def test_the_id_is_found(self) -> None:
        assert eu_vat_ids("VAT Regier No GB&831 2221 77") == ["GB&831 2221 77"]

    def test_the_speck_dropped(self) -> None:
        assert normalize_tax_id("GB&831 2221 77") == "GB831222177"

    def test_the_ampersand_as_an_eight(self) -> None:
        assert normalize_tax_id("GB&31 2221 77") == "GB831222177"

    def test_a_word_after_the_prefix_is_no_id(self) -> None:
        assert eu_vat_ids("DE&Co KG") == []
