"""A photo's E of an Irish (or Italian) VAT prefix read as the euro sign, its I as 1 ('1€3788380M'):
the number is still found, and read back with its prefix."""

from __future__ import annotations

from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id


class TestIrishPrefixEuroSign:
    def test_the_euro_sign_for_e_is_a_prefix(self) -> None:
        assert eu_vat_ids("VAT Reg. No. 1€3788380M") == ["1€3788380M"]
        assert normalize_tax_id("1€3788380M") == "IE3788380M"

    def test_an_amount_in_euros_is_no_id(self) -> None:
        assert eu_vat_ids("Total 1€ 250.00") == []
        assert eu_vat_ids("1€") == []
