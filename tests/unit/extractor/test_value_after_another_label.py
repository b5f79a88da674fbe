"""A label whose row goes on with another label and that label's value ('ח.פ | טל: | 04-6562161'):
the value belongs to the nearer label; the first label's own value is under it."""

from __future__ import annotations

from invoiceme_extractor import israel
from invoiceme_extractor.rules import extract_with_rules

from .wordbox import page


class TestValueAfterAnotherLabel:
    """A phone beside its own label is never the tax id of a label further along the row."""

    def test_the_phone_after_its_label_is_not_the_tax_id(self) -> None:
        # both numbers pass the Israeli check digit: only the labels can tell them apart
        assert israel.israeli_id_is_valid("518119136") and israel.israeli_id_is_valid("046562161")
        laid_out = page(
            ("כרמל מזון בעמ", 2100, 100),
            ("חשבונית מס", 1100, 160),
            ("רחוב הרצל 10", 2100, 220),
            ("ח.פ", 2300, 280),
            ("טל:", 1000, 280),
            ("04-6562161", 700, 280),
            ("518-119-136", 2200, 330),
            ('סה"כ לתשלום 1,170.00', 1800, 600),
            rtl=True,
        )
        assert extract_with_rules([laid_out]).vendor_tax_id == "518119136"
