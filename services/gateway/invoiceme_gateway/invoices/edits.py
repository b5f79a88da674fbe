"""A user's edit of an invoice's fields and line items: validated, diffed (pure, no I/O)."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from invoiceme_common.fields import AMOUNT_FIELDS, DATE_FIELDS, DOCUMENT_TYPES, TEXT_FIELDS
from invoiceme_gateway.validation import check_currency

EDITABLE = (*TEXT_FIELDS, *DATE_FIELDS, *AMOUNT_FIELDS, "currency", "document_type", "use_items_total")
TOLERANCE = 0.01


class EditRejected(ValueError):
    """The edit cannot be saved; the message says why in words a person understands."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _clean_value(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if name in TEXT_FIELDS:
        return str(value).strip()[:500] or None
    if name in DATE_FIELDS:
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError as exc:
            raise EditRejected(f"{name} must be a date like 2025-03-31, not '{value}'", name) from exc
    if name in AMOUNT_FIELDS:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise EditRejected(f"{name} must be a number", name)
        return round(float(value), 4)
    if name == "currency":
        try:
            return check_currency(str(value))
        except ValueError as exc:
            raise EditRejected(str(exc), name) from exc
    if name == "document_type":
        if value not in DOCUMENT_TYPES:
            raise EditRejected(f"document_type must be one of {', '.join(DOCUMENT_TYPES)}", name)
        return value
    if name == "use_items_total":
        if not isinstance(value, bool):
            raise EditRejected("use_items_total must be true or false", name)
        return value
    raise EditRejected(f"'{name}' is not a field you can edit; editable: {', '.join(EDITABLE)}", name)


def _clean_item(index: int, item: dict[str, Any]) -> dict[str, Any]:
    description = str(item.get("description") or "").strip()
    if not description:
        raise EditRejected(f"line item {index + 1} needs a description", "line_items")
    cleaned: dict[str, Any] = {"description": description[:500]}
    for key in ("quantity", "unit_price", "amount"):
        value = item.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise EditRejected(f"line item {index + 1}: {key} must be a number", "line_items")
        cleaned[key] = None if value is None else float(value)
    if cleaned["amount"] is None and cleaned["quantity"] is not None and cleaned["unit_price"] is not None:
        cleaned["amount"] = round(cleaned["quantity"] * cleaned["unit_price"], 2)
    return cleaned


def items_sum(items: list[dict[str, Any]]) -> float:
    return round(sum(item.get("amount") or 0.0 for item in items), 2)


def apply_edit(
    fields: dict[str, Any], changes: dict[str, Any], line_items: list[dict[str, Any]] | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """New fields and the list of {field, old, new}. Edited fields get source 'user' and confidence 1."""
    updated = dict(fields)
    diff: list[dict[str, Any]] = []
    source = dict(updated.get("source") or {})
    confidence = dict(updated.get("confidence") or {})
    for name, raw in changes.items():
        value = _clean_value(name, raw)
        if updated.get(name) != value:
            diff.append({"field": name, "old": updated.get(name), "new": value})
            updated[name] = value
            source[name], confidence[name] = "user", 1.0
    if line_items is not None:
        items = [_clean_item(i, item) for i, item in enumerate(line_items)]
        if items != (updated.get("line_items") or []):
            diff.append({"field": "line_items", "old": updated.get("line_items") or [], "new": items})
            updated["line_items"] = items
    updated["source"], updated["confidence"] = source, confidence
    check_items_total(updated)
    return updated, diff


def check_items_total(fields: dict[str, Any]) -> None:
    """With 'use items total' on, the line items must add up to the total."""
    if not fields.get("use_items_total"):
        return
    items = fields.get("line_items") or []
    if not items:
        raise EditRejected("'use items total' is on but the invoice has no line items", "line_items")
    total = fields.get("total")
    if total is None:
        raise EditRejected("'use items total' is on but the invoice has no total", "total")
    added = items_sum(items)
    if abs(added - float(total)) > TOLERANCE:
        raise EditRejected(
            f"the line items add up to {added:.2f} but the total is {float(total):.2f}; "
            "fix an item or the total, or turn 'use items total' off",
            "line_items",
        )
