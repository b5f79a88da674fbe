"""The field list and the invisible-mark table have one home each; these pin that the users agree."""

from __future__ import annotations

from typing import get_args

from invoiceme_common.fields import AMOUNT_FIELDS, DATE_FIELDS, DOCUMENT_TYPES, FIELD_NAMES, TEXT_FIELDS
from invoiceme_common.text_marks import INVISIBLE_MARKS
from invoiceme_common.vendor_matching import normalize_text
from invoiceme_extractor.contract import DocumentType, Extraction
from invoiceme_extractor.text import normalize_line
from invoiceme_gateway.exports.formats import INVOICE_COLUMNS, invoice_record
from invoiceme_ocr.engine import clean_text


class TestFieldList:
    """The extractor's model, the gateway's edit groups and the exports name the same fields."""

    def test_contract_model_has_exactly_the_fields_in_order(self):
        model_fields = [name for name in Extraction.model_fields if name in FIELD_NAMES]
        assert model_fields == list(FIELD_NAMES)

    def test_document_types_match_the_contract_literal(self):
        assert get_args(DocumentType) == DOCUMENT_TYPES

    def test_value_kinds_partition_the_fields(self):
        grouped = [*TEXT_FIELDS, *DATE_FIELDS, *AMOUNT_FIELDS, "currency", "document_type"]
        assert sorted(grouped) == sorted(FIELD_NAMES)

    def test_export_record_reads_every_contract_column_from_fields(self):
        fields = {name: f"value-{name}" for name in FIELD_NAMES}
        row = {key: None for key in ("id", "status", "business_name", "base_currency", "base_total")}
        row |= {key: None for key in ("fx_rate", "fx_rate_date", "fx_source", "fx_warning")}
        row |= {"reclaimable_vat": None, "filename": "a.pdf", "created_at": None, "fields": fields}
        record = invoice_record(row)
        assert list(record) == list(INVOICE_COLUMNS)
        for name in INVOICE_COLUMNS:
            if name in FIELD_NAMES:
                assert record[name] == f"value-{name}"


class TestInvisibleMarks:
    """OCR output, extraction input and matching/search text drop the same bidi marks."""

    def test_both_paths_strip_every_mark(self):
        text = 'סה"כ' + INVISIBLE_MARKS + "117.00"
        assert clean_text(text) == 'סה"כ117.00'
        assert not set(INVISIBLE_MARKS) & set(normalize_line(text))
        assert not set(INVISIBLE_MARKS) & set(normalize_text(text))  # matching and search
