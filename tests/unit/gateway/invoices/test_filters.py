"""List filters -> parameterized SQL, the sort whitelist and cursors (pure)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from invoiceme_gateway.invoices.filters import (
    InvoiceFilters,
    decode_cursor,
    encode_cursor,
    order_clause,
    where_clause,
)


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
        assert order_clause("total", True) == "i.list_total DESC NULLS LAST, i.id DESC"
        assert order_clause("created_at", False) == "i.created_at ASC, i.id ASC"
        with pytest.raises(ValueError):
            order_clause("password_hash; --", False)

    def test_cursor_round_trip(self):
        now, invoice_id = datetime.now(UTC), uuid.uuid4()
        assert decode_cursor(encode_cursor(now, invoice_id)) == (now, invoice_id)
        with pytest.raises(ValueError):
            decode_cursor("not-a-cursor")
