"""A user's edit of fields and line items: validated and diffed (pure)."""

from __future__ import annotations

import pytest

from invoiceme_gateway.invoices.edits import EditRejected, apply_edit


class TestApplyEdit:
    """Edits are cleaned, diffed and checked against the items total."""

    def test_diff_and_sources(self):
        fields, diff = apply_edit({"total": 10.0, "currency": "ILS"}, {"total": 12, "currency": "usd"}, None)
        assert fields["total"] == 12.0 and fields["currency"] == "USD"
        assert fields["source"] == {"total": "user", "currency": "user"}
        assert diff == [
            {"field": "total", "old": 10.0, "new": 12.0},
            {"field": "currency", "old": "ILS", "new": "USD"},
        ]

    def test_no_change_no_diff(self):
        assert apply_edit({"total": 10.0}, {"total": 10.0}, None)[1] == []

    @pytest.mark.parametrize(
        ("changes", "words"),
        [
            ({"invoice_date": "31/03/2025"}, "must be a date"),
            ({"total": "ten"}, "must be a number"),
            ({"currency": "NIS"}, "ISO 4217"),
            ({"document_type": "bill"}, "document_type must be one of"),
            ({"password": "x"}, "not a field you can edit"),
        ],
    )
    def test_rejections(self, changes, words):
        with pytest.raises(EditRejected, match=words):
            apply_edit({}, changes, None)

    def test_items_total(self):
        items = [{"description": "a", "quantity": 2, "unit_price": 5}, {"description": "b", "amount": 1.5}]
        fields, _ = apply_edit({"total": 11.5}, {"use_items_total": True}, items)
        assert fields["line_items"][0]["amount"] == 10.0
        with pytest.raises(EditRejected, match=r"add up to 11\.50 but the total is 12\.00"):
            apply_edit({"total": 12.0}, {"use_items_total": True}, items)
        with pytest.raises(EditRejected, match="needs a description"):
            apply_edit({}, {}, [{"amount": 1}])
