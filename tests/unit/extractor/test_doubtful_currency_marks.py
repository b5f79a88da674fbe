"""A currency read only from doubtful marks (a sign OCR made of an id's letter, a code on a line that
converts the total into another currency) is weak: the issuer's tax id's country decides. A whole
mark still decides over the tax id."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules


def _currency(text: str) -> str | None:
    return extract_with_rules([(1, text)]).currency


class TestDoubtfulMarks:
    def test_a_sign_before_an_id_yields_to_the_tax_id(self) -> None:
        # 'C193990' (the invoice number) read '€193990'; an Israeli issuer
        text = (
            "Blue Consulting Inc. Tax Invoice\nTel +1 958 794 7872 €193990 Invoice Number:\n"
            "Business Reg. No. 522784750\nNet 17,949.92\nVAT 3,051.49\nAmount Due 21,001.41"
        )
        assert _currency(text) == "ILS"

    def test_only_a_conversion_code_yields_to_the_tax_id(self) -> None:
        text = (
            "Cedar Trading Limited RECEIPT\nTotal 73.30\n"
            "For information: 89.24 EUR (exchange rate 1.2174)\nVAT No: GB266069245"
        )
        assert _currency(text) == "GBP"

    def test_a_whole_mark_decides_over_the_tax_id(self) -> None:
        text = "Blue Consulting Inc. Tax Invoice\nBusiness Reg. No. 522784750\nAmount Due 21,001.41 €"
        assert _currency(text) == "EUR"

    def test_without_a_tax_id_the_doubtful_mark_stays(self) -> None:
        text = "Cedar Trading Limited RECEIPT\nTotal 73.30\nFor information: 89.24 EUR (exchange rate 1.2174)"
        assert _currency(text) == "EUR"

    def test_a_code_restated_in_another_stays(self) -> None:
        # the dollars are the invoice's; the euros in the bracket restate them
        text = 'צוקים מזון קבלה\n978.01 USD (≈ 905.84 EUR) סה"כ\nע.מ: 526646468'
        assert _currency(text) == "USD"
