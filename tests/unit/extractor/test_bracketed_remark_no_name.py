"""A line wholly in brackets is a remark, not a name: a note under the seller's label ('Service
Provider:' over '(Not to be used for payment remittance)' over the company), or a signature's
caption ('(Authorized Signatory)')."""

from __future__ import annotations

from invoiceme_extractor.rules.lines import Line
from invoiceme_extractor.rules.parties import find_vendor_name
from invoiceme_extractor.rules.seller_block import seller_block_name


class TestBracketedRemarkNoName:
    def test_the_seller_label_skips_its_remark(self) -> None:
        lines = [
            Line("Service Provider:", 1, 0),
            Line("(Not to be used for payment remittance)", 1, 1),
            Line("Northwind Cloud Services, Inc.", 1, 2),
            Line("410 Harbor Road", 1, 3),
        ]
        found = seller_block_name(lines)
        assert found is not None and found.value == "Northwind Cloud Services, Inc"

    def test_a_caption_in_brackets_is_no_header_name(self) -> None:
        lines = [Line("(Authorized Signatory)", 1, 0), Line("Total 12.00", 1, 1)]
        assert find_vendor_name(lines, None) is None
