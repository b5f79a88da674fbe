"""Building export files — pure functions: invoice records, CSV with a BOM (Excel reads Hebrew), the
analytics CSVs and the accountant package's file names."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from invoiceme_common.fields import FIELD_NAMES

BOM = "\ufeff"
INVOICE_COLUMNS = (
    "id",
    "status",
    "invoice_date",
    "business",
    "vendor_name",
    "vendor_tax_id",
    "invoice_number",
    "document_type",
    "currency",
    "subtotal",
    "vat_rate",
    "vat_amount",
    "total",
    "allocation_number",
    "base_currency",
    "base_total",
    "fx_rate",
    "fx_rate_date",
    "fx_source",
    "fx_warning",
    "reclaimable_vat",
    "filename",
    "created_at",
)
# The columns that come straight from the invoice's fields.
_CONTRACT_COLUMNS = tuple(name for name in INVOICE_COLUMNS if name in FIELD_NAMES)
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "image/tiff": ".tif",
}
_UNSAFE = re.compile(r"[^\w\u0590-\u05FF.-]+")
# A spreadsheet runs a cell starting with one of these as a formula (full-width forms included).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NEGATIVE_NUMBER = re.compile(r"-\d+(\.\d+)?")


def spreadsheet_safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula, prefixed with an apostrophe (shown, not run);
    numbers and negative numbers written as text stay numbers."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_STARTS):
        return value
    if _NEGATIVE_NUMBER.fullmatch(value):
        return value
    return "'" + value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}" if value == value.quantize(Decimal("0.01")) else str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return spreadsheet_safe(value)


def invoice_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One invoice as a flat record (same keys in CSV and JSON)."""
    fields = row["fields"] or {}
    record = {
        "id": str(row["id"]),
        "status": row["status"],
        "business": row["business_name"],
        "base_currency": row["base_currency"],
        "base_total": row["base_total"],
        "fx_rate": row["fx_rate"],
        "fx_rate_date": row["fx_rate_date"],
        "fx_source": row["fx_source"],
        "fx_warning": row["fx_warning"],
        "reclaimable_vat": row["reclaimable_vat"],
        "filename": row["filename"],
        "created_at": row["created_at"],
    }
    for name in _CONTRACT_COLUMNS:
        record[name] = fields.get(name)
    return {name: record[name] for name in INVOICE_COLUMNS}


def json_ready(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: float(v) if isinstance(v, Decimal) else v.isoformat() if isinstance(v, date | datetime) else v
        for key, v in record.items()
    }


def to_csv(records: Iterable[Mapping[str, Any]], columns: Iterable[str]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Hebrew text correctly; every CSV we serve is built
    here, so every cell goes through `spreadsheet_safe`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = list(columns)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(column)) for column in columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def series_csv(figures: Mapping[str, Any]) -> bytes:
    """The 12-month series of overall or per-business figures, in the base currency."""
    currency = figures["base_currency"]
    rows = [
        {
            "month": p["month"],
            "count": p["count"],
            f"spend_{currency}": p["spend"],
            f"reclaimable_vat_{currency}": p["reclaimable_vat"],
        }
        for p in figures["series"]
    ]
    return to_csv(rows, ["month", "count", f"spend_{currency}", f"reclaimable_vat_{currency}"])


def archive_name(record: Mapping[str, Any], content_type: str | None, taken: set[str]) -> str:
    """`YYYY-MM-DD_business_number.ext`, filesystem-safe (Hebrew kept) and unique within the archive."""
    parts = [
        str(record.get("invoice_date") or "undated"),
        str(record.get("business") or record.get("vendor_name") or "unassigned"),
        str(record.get("invoice_number") or record["id"][:8]),
    ]
    stem = "_".join(_UNSAFE.sub("-", part).strip("-")[:60] or "x" for part in parts)
    extension = _EXTENSIONS.get(content_type or "", ".bin")
    name, counter = f"{stem}{extension}", 2
    while name in taken:
        name, counter = f"{stem}-{counter}{extension}", counter + 1
    taken.add(name)
    return name
