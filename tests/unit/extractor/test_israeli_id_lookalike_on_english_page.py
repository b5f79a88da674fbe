"""An Israeli id beside a tax-id label on an English page, one digit read as a look-alike ('ABN:
$37520702' for 537520702): taken when the repaired id passes its check digit."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules

_PAGE = (
    "Cedar Systems Tax Invoice\n39 Market Street, Leeds ABN: {tax_id}\nInvoice No. 72/8204\n"
    "Net 52.87\nVAT @ 17% 8.99\nTotal incl. VAT 61.86 ILS"
)


class TestIsraeliIdLookalikeOnEnglishPage:
    def test_the_look_alike_repaired_by_the_check_digit(self) -> None:
        assert extract_with_rules([(1, _PAGE.format(tax_id="$37520702"))]).vendor_tax_id == "537520702"

    def test_a_repair_failing_the_check_is_no_id(self) -> None:
        assert extract_with_rules([(1, _PAGE.format(tax_id="$37520703"))]).vendor_tax_id is None

    def test_a_letter_may_be_the_code_s_own(self) -> None:
        assert extract_with_rules([(1, _PAGE.format(tax_id="S37520702"))]).vendor_tax_id != "537520702"

    def test_grouped_in_threes_by_spaces(self) -> None:
        # 'GST No. $38 485 681': the id printed in three groups, its 5 read as a dollar sign
        page = (
            "North & Maple Ltd Sales Receipt\nGST No. $38 485 681\nTax Point: 11.04.2025\n"
            "Amount Due ILS 2,439.06"
        )
        assert extract_with_rules([(1, page)]).vendor_tax_id == "538485681"
        assert extract_with_rules([(1, page.replace("681", "682"))]).vendor_tax_id is None
