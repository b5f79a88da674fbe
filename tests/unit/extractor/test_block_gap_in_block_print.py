"""A customer's block whose label is in smaller print than the name under it ('Bill To' in 12 px
over a 27 px name): the gap that ends the block is measured in the block's print, so the street
and the id under the name stay the customer's."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.blocks import party_cells
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import tall_page


class TestBlockGapInBlockPrint:
    def test_the_rows_under_a_large_name_stay_in_the_block(self) -> None:
        lines = document_lines(
            [
                tall_page(
                    ("Bill To", 990, 443, 12),
                    ("Harbor Trading Ltd", 990, 475, 27),
                    ("157 King Street, Leeds", 990, 533, 20),
                    ("VAT No. GB123456789", 990, 573, 20),
                )
            ]
        )
        texts = {
            lines[index].cells[cell].text for index, cell in party_cells(lines, party_labels.BUYER_BLOCK)
        }
        assert {"157 King Street, Leeds", "VAT No. GB123456789"} <= texts

    def test_a_far_row_is_no_part_of_the_block(self) -> None:
        lines = document_lines(
            [
                tall_page(
                    ("Bill To", 990, 443, 12),
                    ("Harbor Trading Ltd", 990, 475, 27),
                    ("VAT No. GB123456789", 990, 800, 20),
                )
            ]
        )
        texts = {
            lines[index].cells[cell].text for index, cell in party_cells(lines, party_labels.BUYER_BLOCK)
        }
        assert "VAT No. GB123456789" not in texts
