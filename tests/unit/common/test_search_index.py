"""What the invoice list's `q` searches (pure)."""

from __future__ import annotations

from invoiceme_common.search_index import search_document


class TestSearchDocument:
    def test_search_document(self):
        text = search_document(
            {"vendor_name": "חנות הספרים", "invoice_number": "A-1"}, "scan.pdf", 'סה"כ לתשלום'
        )
        assert "ספרימ" in text and "a 1" in text and "סהכ" in text
