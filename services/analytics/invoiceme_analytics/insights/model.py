"""The insight value and helpers shared by the detectors."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from invoiceme_common.analytics_read.figures import ZERO
from invoiceme_common.analytics_read.read_model import BusinessRow, FactRow


@dataclass(frozen=True)
class Insight:
    kind: str
    fingerprint: str
    severity: str  # info | warning | critical
    period: str | None
    data: dict[str, Any]
    business_id: uuid.UUID | None = None
    invoice_ids: tuple[uuid.UUID, ...] = field(default_factory=tuple)


def fmt(value: Decimal) -> str:
    return f"{value.quantize(ZERO):.2f}"


def party(row: FactRow, businesses: dict[uuid.UUID, BusinessRow]) -> tuple[str, str]:
    """(grouping key, display name): the business when assigned, else the extracted vendor."""
    if row.business_id is not None and row.business_id in businesses:
        return str(row.business_id), businesses[row.business_id].name
    return f"vendor:{row.vendor.casefold()}", row.vendor


def groups(rows: list[FactRow], businesses: dict[uuid.UUID, BusinessRow]) -> dict[str, list[FactRow]]:
    grouped: dict[str, list[FactRow]] = defaultdict(list)
    for row in rows:
        if row.invoice_date is not None and row.base_total is not None:
            grouped[party(row, businesses)[0]].append(row)
    return {
        key: sorted(items, key=lambda r: (r.invoice_date, str(r.invoice_id)))
        for key, items in grouped.items()
    }


def without_copies(items: list[FactRow]) -> list[FactRow]:
    """One row per invoice number (a re-sent copy must not break a monthly rhythm)."""
    seen: set[str] = set()
    kept = []
    for row in items:
        if row.invoice_number and row.invoice_number in seen:
            continue
        if row.invoice_number:
            seen.add(row.invoice_number)
        kept.append(row)
    return kept
