"""'לקוח' (customer) with its final het read as the tav of the same shape ('מס' עוסק לקות:'): still
the customer's label, so the id beside it is not the issuer's."""

from __future__ import annotations

from invoiceme_extractor.rules import party_labels
from invoiceme_extractor.rules.labelled_ids import customer_labelled, labelled
from invoiceme_extractor.rules.lines import document_lines

from .wordbox import page


class TestCustomerWordHetAsTav:
    def test_the_label_is_the_customers(self) -> None:
        assert party_labels.BUYER_BLOCK.search("שם לקות:")
        assert not party_labels.BUYER_BLOCK.search("לקותה")

    def test_the_id_beside_it_is_the_customers(self) -> None:
        lines = document_lines(
            [
                page(
                    ("536-450-125", 500, 400),
                    ("מס' עוסק לקות:", 900, 400),
                    ("ח.פ.: 13722018-2", 1600, 525),
                    rtl=True,
                )
            ]
        )
        assert "536450125" in customer_labelled(lines)
        assert {raw for raw, _, _ in labelled(lines)} == {"13722018-2"}
