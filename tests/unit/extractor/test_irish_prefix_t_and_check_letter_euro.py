"""An Irish VAT number's I read as T ('TE3741557M'), its IE as 16 ('1649320660') and its check
letter C read as the euro sign ('IE-8909972€'): read back where the check letter accepts the
reading, left as read where not."""

from __future__ import annotations

from invoiceme_extractor.rules.vat_numbers import eu_vat_ids, normalize_tax_id


def test_t_for_the_i_of_ie() -> None:
    assert normalize_tax_id("TE3741557M") == "IE3741557M"
    assert normalize_tax_id("TE3741557X") == "TE3741557X"  # the check letter disagrees


def test_euro_sign_for_the_check_letter() -> None:
    assert eu_vat_ids("TIN IE-8909972€") == ["IE-8909972€"]
    assert normalize_tax_id("IE-8909972€") == "IE8909972C"
    assert normalize_tax_id("1E8909972€") == "IE8909972C"


def test_an_amount_in_euros_is_no_id() -> None:
    assert eu_vat_ids("Total IE 1234567€") == []


def test_ie_read_as_16_and_the_check_letter_o_as_zero() -> None:
    assert normalize_tax_id("1649320660") == "IE4932066O"
    assert normalize_tax_id("1649320661") == "1649320661"  # no Irish reading passes the check
