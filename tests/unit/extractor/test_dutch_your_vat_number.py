"""'Uw BTW nummer' (Dutch: your VAT number): the invoice addresses its customer, so the id under it is
the customer's, as under 'Your VAT No.' or 'Ihre USt-IdNr.'."""

from __future__ import annotations

from invoiceme_extractor.rules.labelled_ids import customer_labelled
from invoiceme_extractor.rules.lines import document_lines


class TestDutchYourVatNumber:
    def test_the_customers_id(self) -> None:
        lines = document_lines([(1, "Factuur VF1005193039\nUw BTW nummer: NL00333599698\n")])
        assert customer_labelled(lines) == {"NL00333599698"}

    def test_the_issuers_own_label_is_not(self) -> None:
        lines = document_lines([(1, "Factuur VF1005193039\nBTW nummer: NL810433941B01\n")])
        assert customer_labelled(lines) == set()
