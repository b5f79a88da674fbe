"""A till slip prints its legal name right above a line opening with the company's registration
number ('(Co No. 123456-T) GST No. ...'): that line beats a slogan or logo debris printed over it;
not a name under an 'Owned by' line at the slip's foot (the owner, not the shop)."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.receipt_vendor import registration_under


class TestNameOverRegistrationLine:
    def test_the_line_over_the_registration_is_the_name(self) -> None:
        page = "\n".join(
            [
                "THE FRESH CHOICE",
                "MAPLE BAKE HOUSE",
                "(Co No. 512345-T) GST No. 001122334455",
                "No.1, Jln Mawar 2/3,",
                "47100 Puchong, Selangor",
                "18/04/2018 5:18:08 PM",
                "TOTAL 12.40",
            ]
        )
        assert extract_with_rules([(1, page)]).vendor_name == "MAPLE BAKE HOUSE"

    def test_a_registration_line_gives_its_sign(self) -> None:
        assert registration_under("(Co No. 512345-T) GST No. 001122334455", "") > 0
        assert registration_under("Company Reg No: 1101083-T", "") > 0

    def test_no_sign_under_an_owner_line_or_over_other_brackets(self) -> None:
        assert registration_under("Co. No. 419060-A", "Owned by") == 0
        assert registration_under("(GST Reg. No : 001375580160)", "") == 0
        assert registration_under("(TESCO MUTIARA DAMANSARA)", "") == 0
