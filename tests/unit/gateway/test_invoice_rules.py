"""Edit validation, list filters -> SQL, cursors and login back-off (pure)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from invoiceme_common.search_index import search_document
from invoiceme_gateway.invoices.edits import EditRejected, apply_edit
from invoiceme_gateway.invoices.filters import (
    InvoiceFilters,
    decode_cursor,
    encode_cursor,
    order_clause,
    where_clause,
)


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


class TestFilters:
    """Filters become $n parameters; nothing from the user is pasted into SQL."""

    def test_where_clause_parameters(self):
        tenant = uuid.uuid4()
        evil = "'; DROP TABLE invoices; --"
        sql, params = where_clause(
            tenant,
            InvoiceFilters(
                status=["extracted"],
                unassigned=True,
                currency=evil,
                date_from=date(2025, 1, 1),
                amount_min=5,
                q='בע"מ ך',
            ),
        )
        assert evil.upper() not in sql and "DROP" not in sql
        assert params[0] == tenant and params[1] == ["extracted"]
        assert "i.business_id IS NULL" in sql
        assert params[-1] == "בעמ כ"

    def test_sort_whitelist(self):
        assert order_clause("total", True).startswith("(CASE")
        with pytest.raises(ValueError):
            order_clause("password_hash; --", False)

    def test_cursor_round_trip(self):
        now, invoice_id = datetime.now(UTC), uuid.uuid4()
        assert decode_cursor(encode_cursor(now, invoice_id)) == (now, invoice_id)
        with pytest.raises(ValueError):
            decode_cursor("not-a-cursor")

    def test_search_document(self):
        text = search_document(
            {"vendor_name": "חנות הספרים", "invoice_number": "A-1"}, "scan.pdf", 'סה"כ לתשלום'
        )
        assert "ספרימ" in text and "a 1" in text and "סהכ" in text
