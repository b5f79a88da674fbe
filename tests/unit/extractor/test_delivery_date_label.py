"""'Delivery Date' is one label, another date's: its date word is no issue-date label of its own, so
the date under it is the delivery's, never also read as an unlabelled (issue) date."""

from __future__ import annotations

from invoiceme_extractor.rules import extract_with_rules
from invoiceme_extractor.rules.date_label_kinds import joins_an_issue_label

from .wordbox import page


class TestDeliveryDateLabel:
    """A grid of labelled dates: the delivery date is not the issue date."""

    def test_the_delivery_date_is_not_the_issue_date(self) -> None:
        laid_out = page(
            ("RECEIPT", 1000, 180),
            ("Cedar & Maple Ltd", 170, 360),
            ("Invoice Number", 170, 560),
            ("A-13498", 170, 615),
            ("Delivery Date", 170, 700),
            ("14.10.2025", 170, 750),
            ("Client Reg. No.", 1300, 700),
            ("510028681", 1300, 750),
            ("23.10.2025", 170, 990),
            ("Total 17,588.48", 1300, 1500),
        )
        assert extract_with_rules([laid_out]).invoice_date == "2025-10-23"

    def test_two_labels_in_one_cell_still_join(self) -> None:
        assert not joins_an_issue_label("Delivery Date")
        assert not joins_an_issue_label("Leistungsdatum")
        assert joins_an_issue_label("Delivery Date Invoice Date")
        assert joins_an_issue_label("Invoice Date Delivery Date")
        assert joins_an_issue_label("Datum der Rechnung Lieferdatum")
