"""A VAT number followed on its row by the street's house number ('VAT No. IE0713474W 132 King
Street'): the id's token ends where the number that passes its check ends, not at the next group."""

from __future__ import annotations

from invoiceme_common.tax_id_formats import vat_number_valid
from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.vat_numbers import eu_vat_ids


class TestVatNumberBesideHouseNumber:
    def test_the_house_number_after_the_id_is_not_part_of_it(self) -> None:
        assert vat_number_valid("IE0713474W")
        assert eu_vat_ids("VAT No. IE0713474W 132 King Street, Boston") == ["IE0713474W"]

    def test_an_id_printed_in_groups_is_still_read_whole(self) -> None:
        assert eu_vat_ids("VAT No. IE 0713474W") == ["IE 0713474W"]

    def test_the_footer_row_gives_the_issuer_s_id(self) -> None:
        text = (
            "Blue Supplies Inc.\nINVOICE\nInvoice No: 5521\nTotal 1,230.00\n"
            "VAT No. IE0713474W 132 King Street, Boston - Phone 02-9358521\n"
        )
        assert extract_with_rules([(1, text)]).vendor_tax_id == "IE0713474W"
