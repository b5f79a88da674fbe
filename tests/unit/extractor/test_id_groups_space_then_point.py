"""An Israeli id printed in three groups whose second separator OCR read as a point ('533 114.450'
for 533-114-450): joined beside its label, as the other regroupings are; a VAT number's digit groups
('FR 96 059 153 635') are no such id."""

from __future__ import annotations

from invoiceme_extractor.rules import read_fields
from invoiceme_extractor.rules.id_repair import regrouped_ids


class TestIdGroupsSpaceThenPoint:
    def test_a_space_then_a_point_between_the_groups(self) -> None:
        assert regrouped_ids("GSTIN 533 114.450") == ["533 114.450"]
        found = read_fields([(1, "Acme Ltd\nINVOICE 12\nGSTIN\n533 114.450\nTotal 10.00")])[0]
        assert found["vendor_tax_id"].value == "533114450"

    def test_groups_of_spaces_alone_are_not_regrouped(self) -> None:
        assert regrouped_ids("FR 96 059 153 635") == []
