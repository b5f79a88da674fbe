"""A VAT number whose country prefix OCR lost: seven digits and an Irish check letter ('1057570V'),
or a French SIREN on a page that names its VAT ('930152970' for FR73930152970)."""

from __future__ import annotations

from invoiceme_extractor.rules import prefixed_tax_id
from invoiceme_extractor.rules.lines import Found, Line
from invoiceme_extractor.rules.vat_numbers import with_country_prefix


class TestLostCountryPrefix:
    def test_an_irish_body_takes_ie_when_the_letter_checks(self) -> None:
        assert with_country_prefix("1057570V", "VAT Number 1057570V") == "IE1057570V"
        assert with_country_prefix("1057570W", "VAT Number 1057570W") is None

    def test_a_siren_on_a_french_page_takes_fr_and_its_key(self) -> None:
        text = "Montant TVA 2137,04 intracom. FR 930152970"
        assert with_country_prefix("930152970", text) == "FR73930152970"

    def test_nine_digits_elsewhere_stay_as_read(self) -> None:
        assert with_country_prefix("930152970", "Tax ID 930152970") is None
        assert with_country_prefix("930152971", "Montant TVA 930152971") is None  # fails its check

    def test_the_restored_id_is_below_the_review_line(self) -> None:
        found = Found("1057570V", "1057570V", Line("VAT Number 1057570V", 1, 0), 0.95)
        restored = prefixed_tax_id(found, [], "en")
        assert restored is not None and restored.value == "IE1057570V" and restored.confidence < 0.9
        assert prefixed_tax_id(found, [], "he") is found
