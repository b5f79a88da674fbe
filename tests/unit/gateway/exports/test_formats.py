"""Export files: CSV with a BOM (Excel reads Hebrew), the analytics series, archive names (pure)."""

from __future__ import annotations

from invoiceme_gateway.exports.formats import archive_name, series_csv, to_csv


class TestCsv:
    def test_bom_and_hebrew(self):
        data = to_csv([{"a": "שלום", "b": None}], ["a", "b"])
        assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig") == "a,b\r\nשלום,\r\n"

    def test_series_and_archive_names(self):
        figures = {
            "base_currency": "ILS",
            "series": [{"month": "2026-03", "count": 2, "spend": 10, "reclaimable_vat": 1}],
        }
        assert series_csv(figures).decode("utf-8-sig").splitlines()[1] == "2026-03,2,10,1"
        taken: set[str] = set()
        record = {
            "id": "abcdef123",
            "invoice_date": "2026-03-01",
            "business": 'בזק / בע"מ',
            "invoice_number": "7",
        }
        assert archive_name(record, "application/pdf", taken) == "2026-03-01_בזק-בע-מ_7.pdf"
        assert archive_name(record, "application/pdf", taken) == "2026-03-01_בזק-בע-מ_7-2.pdf"
