"""A US EIN under its label with a gap OCR read inside its seven digits ('Business No.: 44-646 1039'
for 44-6461039, a photo): read joined as the issuer's id, a repair (below the review line). With no
label it is no id: nothing checks that digits so grouped are one."""

from __future__ import annotations

from invoiceme_extractor.rules.id_repair import id_from_regrouped, regrouped_ids
from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.tax_ids import find_vendor_tax_id


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, index) for index, text in enumerate(texts)]


class TestEinSplitByGap:
    def test_the_groups_read_as_one_ein(self) -> None:
        assert regrouped_ids("Business No.: 44-646 1039") == ["44-646 1039"]
        assert id_from_regrouped("44-646 1039") == "446461039"

    def test_a_phone_is_no_split_ein(self) -> None:
        assert regrouped_ids("Tel 03-612 3456") == []

    def test_the_labelled_ein_is_the_vendors(self) -> None:
        lines = _lines("North & North Tax Invoice-Receipt", "Business No.: 44-646 1039", "Total 12.00")
        found = find_vendor_tax_id(lines, set())
        assert found is not None and found.value == "446461039"
        assert found.confidence < 0.9

    def test_unlabelled_groups_are_no_id(self) -> None:
        lines = _lines("North & North Tax Invoice-Receipt", "Order 44-646 1039", "Total 12.00")
        found = find_vendor_tax_id(lines, set())
        assert found is None or found.value != "446461039"
